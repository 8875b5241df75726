import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { runBatchedAcrossItems } from '../../../shared/execution/batch-across-items';
import { parseContactIds } from '../../helpers/contact-ids';
import type { PresenceState } from '../../transport/presence';
import {
	PRESENCE_BATCH_SIZE,
	PRESENCE_CONCURRENCY,
	postPresenceStates,
} from '../../transport/presence';

const properties: INodeProperties[] = [
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
];

export const description = updateDisplayOptions(
	{ show: { resource: ['presence'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runBatchedAcrossItems<PresenceState>(this, {
		keysOf: (itemIndex) =>
			parseContactIds(this.getNode(), this.getNodeParameter('contactIds', itemIndex), itemIndex),
		fetchChunk: async (contactIds) => await postPresenceStates(this, contactIds),
		toOutput: (contactId, state) => {
			if (!state) {
				throw new NodeOperationError(
					this.getNode(),
					`ATI.SU returned no state for contact ${contactId}`,
					{
						description: 'Check that the contact exists on ATI.SU.',
					},
				);
			}
			return state;
		},
		maxBatchSize: PRESENCE_BATCH_SIZE,
		concurrency: PRESENCE_CONCURRENCY,
	});
}
