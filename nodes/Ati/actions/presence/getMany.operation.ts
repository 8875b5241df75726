import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runDedupedAcrossItems } from '../../../shared/execution/deduped-across-items';
import type { OperationModule } from '../../../shared/execution/resources';
import { parseContactIds } from '../../helpers/contact-ids';
import type { PresenceState } from '../../transport/presence';
import {
	PRESENCE_BATCH_SIZE,
	PRESENCE_CONCURRENCY,
	postPresenceStates,
	stateOrError,
} from '../../transport/presence';
import { readTimeoutMs, requestOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get whether many contacts are online, 100 per request across all items',
	action: 'Get presence states of many contacts',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Contact IDs',
		name: 'contactIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: '123456.0, 234567.1',
		description:
			'Contact IDs separated by commas, or an expression giving an array. IDs from all input items are fetched together, 100 per request.',
	},
	requestOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	// Requests mix the IDs of several items, so the longest Timeout any item sets applies to all.
	let timeoutMs = 0;
	return await runDedupedAcrossItems<PresenceState>(this, {
		keysOf: (itemIndex) => {
			const ids = parseContactIds(
				this.getNode(),
				this.getNodeParameter('contactIds', itemIndex),
				itemIndex,
			);
			timeoutMs = Math.max(timeoutMs, readTimeoutMs(this, itemIndex));
			return ids;
		},
		fetchChunk: async (contactIds) => await postPresenceStates(this, contactIds, { timeoutMs }),
		toOutput: (contactId, state) => stateOrError(this.getNode(), contactId, state),
		maxBatchSize: PRESENCE_BATCH_SIZE,
		concurrency: PRESENCE_CONCURRENCY,
	});
}
