import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import type { OperationModule } from '../../../shared/execution/resources';
import { ownerTypeAbbr } from '../../crm/owner-types';
import { ownerOf } from '../crm-owner/owner';
import { listAcrossItems } from '../records/list-across-items';
import { rowOwnerProperties, rowWithTotals } from './row-fields';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	description: "Get a record's product rows, each with its sum, discount and tax",
	action: 'Get many product rows',
};

export const properties = [...rowOwnerProperties, ...returnAllAndLimit(true)];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await listAcrossItems(this, {
		commandOf: (itemIndex) => {
			const owner = ownerOf(this, itemIndex);
			return {
				method: 'crm.item.productrow.list',
				params: {
					filter: { '=ownerType': ownerTypeAbbr(owner.entityTypeId), '=ownerId': owner.ownerId },
					order: { sort: 'ASC', id: 'ASC' },
				},
			};
		},
		rowsOf: (result) => {
			const rows = (result as IDataObject | null)?.productRows;
			return Array.isArray(rows) ? (rows as IDataObject[]) : [];
		},
		toOutput: (row) => rowWithTotals(row),
	});
}
