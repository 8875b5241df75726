import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { deletePoint } from '../../transport/integration-points';
import { pointIdOf, pointLocator } from '../parameters/point-locator';
import { eraCall, timeoutOnlyOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	description: 'Delete an integration point',
	action: 'Delete an integration point',
};

export const properties: INodeProperties[] = [pointLocator, timeoutOnlyOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			await deletePoint(this, pointIdOf(this, itemIndex), eraCall(this, itemIndex));
			return { deleted: true };
		},
		{ effect: 'write' },
	);
}
