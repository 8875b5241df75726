import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { runCommandsAcrossItems } from '../records/run-commands';
import {
	allRowFields,
	productRowIn,
	rowFrom,
	rowIdOf,
	rowIdProperty,
	rowWithTotals,
} from './row-fields';

export const option: OperationModule['option'] = {
	name: 'Update',
	value: 'update',
	description: 'Change a product row',
	action: 'Update a product row',
};

export const properties = [
	rowIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection' as const,
		placeholder: 'Add Field',
		default: {},
		options: allRowFields,
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const id = rowIdOf(this, itemIndex);
			const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const fields = rowFrom(this, itemIndex, values, 'in "Update Fields"');
			if (Object.keys(fields).length === 0) {
				throw inputError(
					this.getNode(),
					`"Update Fields" in item ${itemIndex} changes nothing`,
					'Add the fields to change, such as Price or Quantity.',
					itemIndex,
				);
			}
			return { method: 'crm.item.productrow.update', params: { id, fields } };
		},
		toOutput: (result) => rowWithTotals(productRowIn(result)),
	});
}
