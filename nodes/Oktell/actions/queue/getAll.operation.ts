import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { runPerItem } from '../../../shared/execution/per-item';
import { sharedRead } from '../../../shared/execution/shared-reads';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { OKTELL_CONCURRENCY, OKTELL_CREDENTIAL, VENDOR } from '../../transport';
import { flattenCall, getTotalQueueInfo } from '../../transport/queue';

export const option = {
	name: 'Get Many',
	value: 'getAll',
	description: 'Get every queue with its waiting callers (gettotalqueueinfo)',
	action: 'Get many queues',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'outputMode',
		type: 'options',
		options: [
			{
				name: 'One Item per Queue',
				value: 'queues',
				description: 'Each queue with its list of callers',
			},
			{
				name: 'One Item per Queued Call',
				value: 'calls',
				description: "Each waiting call with its queue's number and rule",
			},
		],
		default: 'queues',
	},
	...returnAllForVersion(),
	requestOptions(),
];

/**
 * The pack's rule since node version 2: Return All off, Limit 50, as n8n's own nodes. Version 1
 * returned all by default, and n8n stores only changed values, so its saved nodes keep that.
 */
function returnAllForVersion(): INodeProperties[] {
	const [returnAllOnV1] = returnAllAndLimit(true);
	const [returnAll, limit] = returnAllAndLimit();
	return [
		{ ...returnAllOnV1, displayOptions: { show: { '@version': [1] } } },
		{ ...returnAll, displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } } },
		limit,
	];
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const limits = requestLimits(this, itemIndex);
			const queues = await sharedRead(
				this,
				{
					vendor: VENDOR,
					credentialType: OKTELL_CREDENTIAL,
					method: 'GET',
					url: 'gettotalqueueinfo',
					limits,
				},
				itemIndex,
				async () => await getTotalQueueInfo(this, itemIndex, limits),
			);
			const results =
				this.getNodeParameter('outputMode', itemIndex, 'queues') === 'queues'
					? queues
					: queues.flatMap((queue) => queue.queue.map((call) => flattenCall(queue, call)));
			if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return results;
			return results.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
