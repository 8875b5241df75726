import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { ATI_CONCURRENCY } from '../../transport';
import type { OrderSearch } from '../../transport/orders';
import { searchOrders } from '../../transport/orders';
import { atiCall, requestOptions } from '../parameters/request-options';
import { limitOf } from '../parameters/return-limit';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get the orders the firm takes part in, by role, status and load',
	action: 'Get many orders',
};

/** ATI's order statuses (the orders search's `statuses`). */
const STATUSES = [
	{ name: 'Reserved (0)', value: 0 },
	{ name: 'In Progress (1)', value: 1 },
	{ name: 'In Progress (2)', value: 2 },
	{ name: 'In Progress (3)', value: 3 },
	{ name: 'In Progress (4)', value: 4 },
	{ name: 'Completed or Archived (5)', value: 5 },
];

export const properties: INodeProperties[] = [
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: [
			{ name: 'Shipper (Грузовладелец)', value: 0 },
			{ name: 'Carrier (Перевозчик)', value: 1 },
		],
		default: 0,
		description: 'The side the firm takes in the orders',
	},
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Load IDs',
				name: 'loadIds',
				type: 'string',
				default: '',
				description: 'Only orders made from these loads, separated by commas',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: STATUSES,
				default: [],
				description: 'Only orders in these statuses',
			},
		],
	},
	requestOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const filters = this.getNodeParameter('filters', itemIndex, {}) as {
				loadIds?: string;
				statuses?: number[];
			};
			const search: OrderSearch = {
				role: Number(this.getNodeParameter('role', itemIndex, 0)) === 1 ? 1 : 0,
			};
			if (filters.statuses?.length) search.statuses = filters.statuses.map(Number);
			const loadIds = String(filters.loadIds ?? '')
				.split(',')
				.map((id) => id.trim())
				.filter(Boolean);
			if (loadIds.length > 0) search.load_ids = loadIds;
			const orders = await searchOrders(this, search, atiCall(this, itemIndex));
			const limit = limitOf(this, itemIndex);
			return limit === undefined ? orders : orders.slice(0, limit);
		},
		{ concurrency: ATI_CONCURRENCY },
	);
}
