import type { IDataObject } from 'n8n-workflow';

import { chunk, settleWithConcurrency } from '../../shared/execution/concurrency';
import type { RequestContext } from '../../shared/http/vendor-request';
import { atiApiRequest } from './index';

/** ATI answers at most 100 contacts per request. */
export const PRESENCE_BATCH_SIZE = 100;
export const PRESENCE_CONCURRENCY = 4;

export interface PresenceState extends IDataObject {
	code_id: string;
	state: string;
}

export async function getPresenceState(
	context: RequestContext,
	contactId: string,
	itemIndex?: number,
): Promise<PresenceState> {
	const reply = await atiApiRequest(context, {
		method: 'GET',
		path: `/presence/state/${encodeURIComponent(contactId)}/`,
		itemIndex,
	});
	return reply as PresenceState;
}

/** One batch of at most 100 contacts, keyed by code_id. */
export async function postPresenceStates(
	context: RequestContext,
	contactIds: string[],
): Promise<Map<string, PresenceState>> {
	const reply = await atiApiRequest(context, {
		method: 'POST',
		path: '/presence/state',
		body: contactIds,
		idempotent: true,
	});
	const states = new Map<string, PresenceState>();
	for (const entry of Array.isArray(reply) ? reply : []) {
		if (entry && typeof entry === 'object' && typeof entry.code_id === 'string') {
			states.set(entry.code_id, entry as PresenceState);
		}
	}
	return states;
}

/** Any number of contacts, in batches of 100; the first failed batch fails the whole call. */
export async function fetchPresenceStates(
	context: RequestContext,
	contactIds: string[],
): Promise<Map<string, PresenceState>> {
	const batches = chunk([...new Set(contactIds)], PRESENCE_BATCH_SIZE);
	const settled = await settleWithConcurrency(
		batches,
		PRESENCE_CONCURRENCY,
		async (ids) => await postPresenceStates(context, ids),
	);
	const states = new Map<string, PresenceState>();
	for (const outcome of settled) {
		if (!outcome.ok) throw outcome.error;
		for (const [id, state] of outcome.value) states.set(id, state);
	}
	return states;
}
