import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import type { OperationModule } from '../../../shared/execution/resources';
import { ownerOf, ownerProperties } from '../crm-owner/owner';
import { listAcrossItems } from '../records/list-across-items';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	description: "Get a record's activities (дела): to-dos, calls, meetings, e-mails",
	action: 'Get many activities',
};

export const properties = [
	...ownerProperties(() => true),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options' as const,
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Open', value: 'open' },
			{ name: 'Completed', value: 'completed' },
		],
		default: 'any',
		description: 'Which activities to return',
	},
	...returnAllAndLimit(),
];

const COMPLETED: Record<string, IDataObject> = {
	any: {},
	open: { COMPLETED: 'N' },
	completed: { COMPLETED: 'Y' },
};

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await listAcrossItems(this, {
		commandOf: (itemIndex) => {
			const owner = ownerOf(this, itemIndex);
			const status = String(this.getNodeParameter('status', itemIndex, 'any'));
			return {
				method: 'crm.activity.list',
				params: {
					filter: {
						OWNER_TYPE_ID: owner.entityTypeId,
						OWNER_ID: owner.ownerId,
						...(COMPLETED[status] ?? {}),
					},
					order: { ID: 'ASC' },
					select: ['*'],
				},
			};
		},
		rowsOf: (result) => (Array.isArray(result) ? (result as IDataObject[]) : []),
		toOutput: (row) => row,
	});
}
