import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import type { OperationModule } from '../../../shared/execution/resources';
import { ownerTypeName } from '../../crm/owner-types';
import { ownerOf, ownerProperties } from '../crm-owner/owner';
import { listAcrossItems } from '../records/list-across-items';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	description: "Get the comments in a record's timeline, oldest first",
	action: 'Get many timeline comments',
};

export const properties = [...ownerProperties(() => true), ...returnAllAndLimit()];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await listAcrossItems(this, {
		commandOf: (itemIndex) => {
			const owner = ownerOf(this, itemIndex);
			return {
				method: 'crm.timeline.comment.list',
				params: {
					filter: { ENTITY_TYPE: ownerTypeName(owner.entityTypeId), ENTITY_ID: owner.ownerId },
					order: { ID: 'ASC' },
				},
			};
		},
		rowsOf: (result) => (Array.isArray(result) ? (result as IDataObject[]) : []),
		toOutput: (row) => row,
	});
}
