import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { ownerTypeAbbr } from '../../crm/owner-types';
import { ownerOf } from '../crm-owner/owner';
import { runCommandsAcrossItems } from '../records/run-commands';
import { allRowFields, rowFrom, rowOwnerProperties, rowWithTotals, totalsOf } from './row-fields';

export const option: OperationModule['option'] = {
	name: 'Set',
	value: 'set',
	description: "Replace all of a record's product rows with those given",
	action: 'Set the product rows of a record',
};

export const properties = [
	...rowOwnerProperties,
	{
		displayName: 'Rows',
		name: 'rows',
		type: 'fixedCollection' as const,
		typeOptions: { multipleValues: true },
		placeholder: 'Add Row',
		default: {},
		description: "The record's rows after the change; rows not given are removed",
		options: [{ displayName: 'Row', name: 'row', values: allRowFields }],
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const owners: Array<{ ownerType: string; ownerId: number }> = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const owner = ownerOf(this, itemIndex);
			owners[itemIndex] = {
				ownerType: ownerTypeAbbr(owner.entityTypeId),
				ownerId: owner.ownerId,
			};
			const given = this.getNodeParameter('rows.row', itemIndex, []) as IDataObject[];
			// A batch command cannot carry an empty list (PHP's query form drops it).
			if (given.length === 0) {
				throw inputError(
					this.getNode(),
					`"Rows" in item ${itemIndex} is empty`,
					'Add the rows the record should have. To remove rows, use Delete with the IDs Get Many returns.',
					itemIndex,
				);
			}
			const productRows = given.map((row, index) =>
				rowFrom(this, itemIndex, row, `of row ${index + 1}`),
			);
			return { method: 'crm.item.productrow.set', params: { ...owners[itemIndex], productRows } };
		},
		toOutput: (result, itemIndex) => {
			const rows = (result as IDataObject | null)?.productRows;
			const productRows = (Array.isArray(rows) ? (rows as IDataObject[]) : []).map(rowWithTotals);
			return { ...owners[itemIndex], productRows, ...totalsOf(productRows) };
		},
	});
}
