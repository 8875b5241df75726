import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegment } from '../../shared/http/path-segment';
import type { RequestContext } from '../../shared/http/vendor-request';
import { readPushLines } from '../methods/push-lines';
import { pickedValue } from '../actions/parameters/record-locator';
import { pushRequest } from '../transport/push/push-request';

export type HookType = 'bot' | 'line';

export interface Subscription {
	type: HookType;
	lineId: string;
	url: string;
}

const asRequest = (context: IHookFunctions) => context as unknown as RequestContext;

/** The subscription the node's parameters name, at the node's production URL; none without a line. */
export function namedSubscription(context: IHookFunctions): Subscription | undefined {
	const type = context.getNodeParameter('subscription', 'bot') as HookType;
	const picked = pickedValue(context.getNodeParameter('lineId', '')) as unknown;
	const lineId = typeof picked === 'string' ? picked.trim().toLowerCase() : '';
	if (lineId === '') return undefined;
	return { type, lineId, url: String(context.getNodeWebhookUrl('default')) };
}

/** The subscription the node's parameters ask for, or a clear error when no line is chosen. */
export function wantedSubscription(context: IHookFunctions): Subscription {
	const wanted = namedSubscription(context);
	if (!wanted) {
		throw new NodeOperationError(context.getNode(), 'Choose the line to listen to', {
			description: 'Pick a line in Line; the list shows the lines your API login may use.',
		});
	}
	return wanted;
}

/** The URL 1C-Connect calls for this line and hook type now (GetLines shows one per type). */
export async function subscribedUrl(
	context: IHookFunctions,
	subscription: Subscription,
): Promise<string | undefined> {
	const lines = await readPushLines(asRequest(context));
	const line: IDataObject | undefined = lines.find(
		(each) => String(each.line_id).toLowerCase() === subscription.lineId,
	);
	const url = line?.[subscription.type === 'bot' ? 'hook_bot' : 'hook_line'];
	return typeof url === 'string' && url !== '' ? url : undefined;
}

/** SetHook with a bearer `back_auth`: 1C-Connect then sends the token on every hook call. */
export async function setHook(
	context: IHookFunctions,
	subscription: Subscription,
	token: string,
): Promise<void> {
	await pushRequest(asRequest(context), {
		method: 'POST',
		path: '/v1/hook/',
		json: {
			id: subscription.lineId,
			type: subscription.type,
			url: subscription.url,
			back_auth: { type: 'bearer', token },
		},
		// Setting the same hook again changes nothing: it is safe to repeat.
		effect: 'write',
		repeatable: true,
		what: 'the subscription (SetHook)',
	});
}

/** DelHook for this line and type: the API removes hooks by type and line, not by URL. */
export async function deleteHook(
	context: IHookFunctions,
	subscription: Subscription,
): Promise<void> {
	const node = () => context.getNode();
	await pushRequest(asRequest(context), {
		method: 'DELETE',
		path: `/v1/hook/${subscription.type}/${pathSegment(node, subscription.lineId, 'line ID')}/`,
		effect: 'write',
		repeatable: true,
		what: 'the removal of the subscription (DelHook)',
	});
}
