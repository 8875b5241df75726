import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runDedupedAcrossItems } from '../../../shared/execution/deduped-across-items';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { ATI_CONCURRENCY } from '../../transport';
import type { PresenceState } from '../../transport/presence';
import {
	PRESENCE_BATCH_SIZE,
	PRESENCE_CONCURRENCY,
	PRESENCE_GET_SINGLY_MAX,
	getPresenceState,
	postPresenceStates,
	stateOrError,
} from '../../transport/presence';
import { contactIdFields, readContactId } from '../parameters/contact-id';
import { readTimeoutMs, requestOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get whether one contact is online',
	action: 'Get the presence state of a contact',
};

export const properties: INodeProperties[] = [...contactIdFields, requestOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const contactIdOf = (itemIndex: number) => readContactId(this, itemIndex);
	if (distinctContacts(this, contactIdOf) <= PRESENCE_GET_SINGLY_MAX) {
		return await runPerItem(
			this,
			async (itemIndex) =>
				await getPresenceState(this, contactIdOf(itemIndex), {
					itemIndex,
					timeoutMs: readTimeoutMs(this, itemIndex),
				}),
			{ concurrency: ATI_CONCURRENCY },
		);
	}
	// Requests mix the contacts of several items, so the longest Timeout any item sets applies.
	let timeoutMs = 0;
	return await runDedupedAcrossItems<PresenceState>(this, {
		keysOf: (itemIndex) => {
			const contactId = contactIdOf(itemIndex);
			timeoutMs = Math.max(timeoutMs, readTimeoutMs(this, itemIndex));
			return [contactId];
		},
		fetchChunk: async (contactIds) => await postPresenceStates(this, contactIds, { timeoutMs }),
		toOutput: (contactId, state) => stateOrError(this.getNode(), contactId, state),
		maxBatchSize: PRESENCE_BATCH_SIZE,
		concurrency: PRESENCE_CONCURRENCY,
	});
}

/** How many different valid contacts the items ask for; bad input is reported later, per item. */
function distinctContacts(
	context: IExecuteFunctions,
	contactIdOf: (itemIndex: number) => string,
): number {
	const contacts = new Set<string>();
	context.getInputData().forEach((_, itemIndex) => {
		try {
			contacts.add(contactIdOf(itemIndex));
		} catch {
			// That item fails with its own message when it runs.
		}
	});
	return contacts.size;
}
