import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chunk, settleWithConcurrency } from '../../shared/execution/concurrency';
import { pathSegment } from '../../shared/http/path-segment';
import type { RequestContext } from '../../shared/http/vendor-request';
import { atiApiRequest } from './index';
import type { Effect } from '../../shared/http/effect';

/** ATI answers at most 100 contacts per request. */
export const PRESENCE_BATCH_SIZE = 100;
export const PRESENCE_CONCURRENCY = 4;
/**
 * Get sends one GET per contact while all of them fit in one round of ATI_CONCURRENCY requests
 * (as fast as one POST); more contacts go in POST batches, which spend far less of the rate limit.
 */
export const PRESENCE_GET_SINGLY_MAX = 10;

/** Presence calls only read, the POST batch included: sending one twice changes nothing. */
const PRESENCE_EFFECT: Effect = 'read';

export interface PresenceState extends IDataObject {
	code_id: string;
	state: string;
}

export interface PresenceCall {
	itemIndex?: number;
	timeoutMs?: number;
}

export async function getPresenceState(
	context: RequestContext,
	contactId: string,
	call: PresenceCall = {},
): Promise<PresenceState> {
	const segment = pathSegment(() => context.getNode(), contactId, 'contact ID', call.itemIndex);
	return await atiApiRequest<PresenceState>(context, {
		method: 'GET',
		path: `/presence/state/${segment}/`,
		effect: PRESENCE_EFFECT,
		expect: { shape: 'object', what: `the presence request for contact ${contactId}` },
		...call,
	});
}

/**
 * One batch of at most 100 contacts, keyed by code_id. Only the contacts asked for are kept:
 * entries for anyone else, or without a text code_id, are ignored.
 */
export async function postPresenceStates(
	context: RequestContext,
	contactIds: string[],
	call: PresenceCall = {},
): Promise<Map<string, PresenceState>> {
	const reply = await atiApiRequest<IDataObject[]>(context, {
		method: 'POST',
		path: '/presence/state',
		body: contactIds,
		effect: PRESENCE_EFFECT,
		expect: {
			shape: 'list of objects',
			what: `the presence request for ${contactIds.length} contact${contactIds.length === 1 ? '' : 's'}`,
		},
		...call,
	});
	const asked = new Set(contactIds);
	const states = new Map<string, PresenceState>();
	for (const entry of reply) {
		if (typeof entry.code_id === 'string' && asked.has(entry.code_id)) {
			states.set(entry.code_id, entry as PresenceState);
		}
	}
	return states;
}

/** A contact ATI did not answer for is that contact's error. */
export function stateOrError(
	node: INode,
	contactId: string,
	state: PresenceState | undefined,
): PresenceState {
	if (state) return state;
	throw new NodeOperationError(node, `ATI.SU returned no state for contact ${contactId}`, {
		description: 'Check that the contact exists on ATI.SU.',
	});
}

/** Any number of contacts, in batches of 100; the first failed batch fails the whole call. */
export async function fetchPresenceStates(
	context: RequestContext,
	contactIds: string[],
	call: PresenceCall = {},
): Promise<Map<string, PresenceState>> {
	const batches = chunk([...new Set(contactIds)], PRESENCE_BATCH_SIZE);
	const settled = await settleWithConcurrency(
		batches,
		PRESENCE_CONCURRENCY,
		async (ids) => await postPresenceStates(context, ids, call),
	);
	const states = new Map<string, PresenceState>();
	for (const outcome of settled) {
		if (!outcome.ok) throw outcome.error;
		for (const [id, state] of outcome.value) states.set(id, state);
	}
	return states;
}
