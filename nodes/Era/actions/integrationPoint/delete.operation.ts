import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { pointIdOf } from '../../helpers/point-id';
import { deletePoint } from '../../transport/integration-points';
import { eraCall, timeoutOnlyOptions } from '../request-options';
import { pointLocator } from './fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['integrationPoint'], operation: ['delete'] } },
	[pointLocator, timeoutOnlyOptions],
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		await deletePoint(this, pointIdOf(this, itemIndex), eraCall(this, itemIndex));
		return { deleted: true };
	});
}
