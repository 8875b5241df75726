import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { ATI_CONCURRENCY } from '../../transport';
import { listLoads } from '../../transport/loads';
import { atiCall, requestOptions } from '../parameters/request-options';
import { limitOf } from '../parameters/return-limit';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: "Get the firm's published loads",
	action: 'Get many loads',
};

export const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				description:
					'Only the load with this external_id: how your system finds its load again, for example after a Create whose outcome is unknown',
			},
		],
	},
	requestOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const loads = await listLoads(this, atiCall(this, itemIndex));
			const filters = this.getNodeParameter('filters', itemIndex, {}) as { externalId?: string };
			const externalId = (filters.externalId ?? '').trim();
			const matching = externalId
				? loads.filter((load) => String(load.external_id ?? load.ExternalId ?? '') === externalId)
				: loads;
			const limit = limitOf(this, itemIndex);
			return limit === undefined ? matching : matching.slice(0, limit);
		},
		{ concurrency: ATI_CONCURRENCY },
	);
}
