import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import { runCommandsAcrossItems } from '../records/run-commands';
import { rowIdOf, rowIdProperty } from './row-fields';

export const option: OperationModule['option'] = {
	name: 'Delete',
	value: 'delete',
	description: 'Delete a product row',
	action: 'Delete a product row',
};

export const properties = [rowIdProperty];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => ({
			method: 'crm.item.productrow.delete',
			params: { id: rowIdOf(this, itemIndex) },
		}),
		toOutput: () => ({ deleted: true }),
	});
}
