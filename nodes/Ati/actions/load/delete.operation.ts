import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { deleteLoad } from '../../transport/loads';
import { loadIdField, loadIdOf } from '../parameters/load-id';
import { atiCall, requestOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	description: 'Remove a load from the exchange',
	action: 'Delete a load',
};

export const properties: INodeProperties[] = [loadIdField, requestOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			await deleteLoad(this, loadIdOf(this, itemIndex), atiCall(this, itemIndex));
			return { deleted: true };
		},
		{ effect: 'write' },
	);
}
