import type { IDataObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { pathSegment } from '../../shared/http/path-segment';
import { isPlainObject } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import { AtiRefusal, atiApiCall, type AtiReply } from './index';

// Webhook subscriptions (ati.su/developers/api/webhooks and the webhooks section of ATI's API
// reference): POST /webhooks/v1/create {topic, callback, subscription_type[, subscription]} answers 202 with a
// Location of the status; GET /webhooks/v1/status/{id} gives the state and, as hook.key, the
// key that signs the calls (ati.su/developers/api/webhooks/authentication);
// DELETE /webhooks/v1/delete/{id}. The status reply's shape beyond hook.key is the simulator's
// choice: {hook: {id, topic, callback, status, key}}.

export interface AtiHook {
	id: string;
	topic?: string;
	callback?: string;
	status?: string;
	key?: string;
}

const HOOK_HINTS = {
	badRequest:
		'ATI.SU refused the subscription: the webhook URL must be HTTPS on a public IPv4 address, and unique to this subscription.',
	notFound: 'The subscription no longer exists on ATI.SU.',
};

/**
 * Topics about other firms' entities on boards take a "complex" subscription naming the boards
 * (a public summary of ATI's webhooks section: `subscription_type: complex`, `subscription:
 * {channel, boards}`); every other topic a "normal" one.
 */
export const BOARD_TOPICS = ['cargoes.on_boards'];

export function subscriptionOf(topic: string, callback: string, boards: string[]): IDataObject {
	if (!BOARD_TOPICS.includes(topic)) return { topic, callback, subscription_type: 'normal' };
	return {
		topic,
		callback,
		subscription_type: 'complex',
		subscription: { channel: topic, boards },
	};
}

export async function createHook(
	context: RequestContext,
	topic: string,
	callback: string,
	boards: string[] = [],
): Promise<string> {
	const reply = (await atiApiCall<IDataObject>(context, {
		method: 'POST',
		path: '/webhooks/v1/create',
		body: subscriptionOf(topic, callback, boards),
		effect: 'write',
		expect: { shape: 'ignored', what: 'the webhook subscription' },
		hints: HOOK_HINTS,
	})) as AtiReply<IDataObject>;
	const location = reply.headers.location;
	const id = /\/status\/([^/?#]+)/.exec(
		Array.isArray(location) ? location[0] : (location ?? ''),
	)?.[1];
	if (!id) {
		throw apiError(context.getNode(), {
			message: 'ATI.SU took the subscription but did not say where its status is (no Location)',
			description:
				'Deactivate and activate the workflow again; if it repeats, check the subscriptions in the ATI.SU cabinet.',
		});
	}
	return decodeURIComponent(id);
}

/** The subscription's state, or undefined when ATI no longer has it (404). */
export async function getHook(
	context: RequestContext,
	id: string,
	timeoutMs?: number,
): Promise<AtiHook | undefined> {
	const segment = pathSegment(() => context.getNode(), id, 'subscription ID');
	const reply = await atiApiCall<IDataObject>(context, {
		method: 'GET',
		timeoutMs,
		path: `/webhooks/v1/status/${segment}`,
		effect: 'read',
		expect: { shape: 'object', what: `the state of subscription ${id}` },
		hints: HOOK_HINTS,
		refusals: [404],
	});
	if (reply instanceof AtiRefusal) return undefined;
	const hook = isPlainObject(reply.value.hook) ? reply.value.hook : reply.value;
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
	return {
		id,
		topic: text(hook.topic),
		callback: text(hook.callback),
		status: text(hook.status),
		key: text(hook.key),
	};
}

/** Removes the subscription; one ATI no longer has (404) is removed already. */
export async function deleteHook(context: RequestContext, id: string): Promise<void> {
	const segment = pathSegment(() => context.getNode(), id, 'subscription ID');
	await atiApiCall<unknown>(context, {
		method: 'DELETE',
		path: `/webhooks/v1/delete/${segment}`,
		// Deleting a subscription twice leaves it deleted.
		effect: 'write',
		repeatable: true,
		expect: { shape: 'ignored', what: `the removal of subscription ${id}` },
		hints: HOOK_HINTS,
		refusals: [404],
	});
}
