import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { readJsonObject } from '../../../shared/parameters/json-object';
import { listByStartPages } from '../../transport/batch';
import { targetOf } from '../parameters/portal-options';
import { batchLimits } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	description: 'Get many users of the portal',
	action: 'Get many users',
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: true,
		description: 'Whether to leave out dismissed users',
	},
	{
		displayName: 'Filter (JSON)',
		name: 'rawFilter',
		type: 'json',
		default: '{}',
		description:
			'Conditions in user.get\'s filter syntax, e.g. {"UF_DEPARTMENT": 1, "%LAST_NAME": "Петр"}',
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const target = targetOf(this);
	return await runPerItem(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) === true;
		const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', itemIndex, 50));
		const filter: IDataObject = {
			...(this.getNodeParameter('activeOnly', itemIndex, true) === true ? { ACTIVE: true } : {}),
			...readJsonObject(
				this.getNode(),
				this.getNodeParameter('rawFilter', itemIndex, '{}'),
				{ label: 'Filter (JSON)', example: '{"%LAST_NAME": "Петр"}' },
				itemIndex,
			),
		};
		const rows = await listByStartPages(
			this,
			target,
			{
				method: 'user.get',
				params: { FILTER: filter, sort: 'ID', order: 'ASC' },
				effect: 'read',
				...batchLimits(this),
				itemIndex,
			},
			limit,
		);
		return rows as IDataObject[];
	});
}
