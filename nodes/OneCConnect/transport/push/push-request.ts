import type { INode } from 'n8n-workflow';
import type { Effect } from '../../../shared/http/effect';
import { safeToRepeat } from '../../../shared/http/safe-to-repeat';

import { apiError } from '../../../shared/errors/node-errors';
import { basicAuthSecret, redactSecrets } from '../../../shared/errors/redact';
import type { QueryParameters } from '../../../shared/http/query-string';
import { decodeReplyText, parseJsonReply, quoteStart } from '../../../shared/http/reply-body';
import type { RetryPolicy } from '../../../shared/http/retry-policy';
import { defaultRetryPolicy } from '../../../shared/http/retry-policy';
import { serverUrlFrom } from '../../../shared/http/server-url';
import type { RequestContext } from '../../../shared/http/vendor-request';
import { sendVendorRequest } from '../../../shared/http/vendor-request';
import { runCredentials } from '../../../shared/execution/run-credentials';
import { PUSH_DEFAULT_URL, pushBaseOf } from './push-endpoint';

export const ONE_C_CREDENTIAL = 'oneCConnectApi';
const VENDOR = '1C-Connect';
export const PUSH_TIMEOUT_SECONDS = 30;
/** Replies are small (lines, open treatments); anything bigger is not a push API reply. */
const MAX_REPLY_BYTES = 8 * 1024 * 1024;

/**
 * The wiki documents no rate-limit reply for the push API, so no reply proves a write was not
 * taken: a write is sent once; reads are repeated after gateway errors and dropped connections.
 */
const pushRetryPolicy: RetryPolicy = { ...defaultRetryPolicy, maxTotalWaitMs: 20_000 };

interface PushCredentials {
	pushUrl?: string;
	login: string;
	password: string;
}

export interface PushCall {
	method: 'GET' | 'POST' | 'DELETE';
	/** The documented path, such as `/v1/line/send/message/`. */
	path: string;
	qs?: QueryParameters;
	/** A JSON body. */
	json?: object;
	/** A multipart body (file sends), with its content type. */
	multipart?: { body: Buffer; contentType: string };
	/** What the call does: see safe-to-repeat.ts. */
	effect: Effect;
	repeatable?: boolean;
	/** What was asked, for messages: "Send Text". */
	what: string;
	itemIndex?: number;
	timeoutMs?: number;
}

/** Sends one push API request; the parsed JSON reply, or null for the documented empty reply. */
export async function pushRequest(context: RequestContext, call: PushCall): Promise<unknown> {
	const credentials = await runCredentials<PushCredentials>(context, ONE_C_CREDENTIAL);
	const nodeOf = () => context.getNode();
	const base = serverUrlFrom(
		nodeOf,
		pushBaseOf(credentials),
		{ vendor: VENDOR, field: 'Push API URL', example: PUSH_DEFAULT_URL },
		call.itemIndex,
	);
	const secrets = [credentials.password, basicAuthSecret(credentials.login, credentials.password)];
	const headers: Record<string, string> = { Accept: 'application/json' };
	let body: string | Buffer | undefined;
	if (call.multipart) {
		headers['Content-Type'] = call.multipart.contentType;
		body = call.multipart.body;
	} else if (call.json) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(call.json);
	}
	const response = await sendVendorRequest(
		context,
		{
			credentialType: ONE_C_CREDENTIAL,
			credentials,
			vendor: VENDOR,
			retryPolicy: pushRetryPolicy,
			secrets,
			unreachableHint: `Check the Push API URL in the 1C-Connect credential (${base}) and the network, then try again.`,
			limitsHint: 'If 1C-Connect is only slow, raise "Timeout (Seconds)" in the node\'s options.',
			itemIndex: call.itemIndex,
		},
		{
			method: call.method,
			url: `${base}${call.path}`,
			qs: call.qs,
			headers,
			body,
			timeoutMs: call.timeoutMs ?? PUSH_TIMEOUT_SECONDS * 1000,
			maxReplyBytes: MAX_REPLY_BYTES,
			effect: call.effect,
			repeatable: call.repeatable,
		},
	);
	const text = redactSecrets(decodeReplyText(response.body), secrets);
	const status = response.statusCode;
	if (status < 200 || status >= 300) {
		throw statusError(nodeOf(), call, status, text, response.mayHaveApplied);
	}
	if (text.trim() === '') return null;
	const parsed = parseJsonReply(text, VENDOR);
	if (!parsed.ok) {
		throw apiError(nodeOf(), {
			message: parsed.problem,
			description: 'Check that the Push API URL in the 1C-Connect credential is the push API.',
			httpCode: status,
			itemIndex: call.itemIndex,
			// A 2xx to a write was processed, whatever its body says.
			mayHaveApplied: safeToRepeat(call) ? undefined : VENDOR,
		});
	}
	return parsed.value;
}

/** The push API's documented error codes (400, 401, 403) in words, and everything else quoted. */
function statusError(
	node: INode,
	call: PushCall,
	status: number,
	text: string,
	mayHaveApplied?: string,
) {
	const said = quoteStart(text);
	const known: Record<number, [string, string]> = {
		400: [
			`1C-Connect refused ${call.what}: the request contains an error (400) ${said}`,
			'Check the line, client (user) and specialist IDs of this item: the client must receive support in that line, and a keyboard needs a text on every button.',
		],
		401: [
			'1C-Connect refused the API login (401)',
			'Check the API login and password in the 1C-Connect credential (Personal account → Administration → API settings).',
		],
		403: [
			`The API login may not do ${call.what} here (403) ${said}`,
			'Check that the line belongs to your company and the API user has rights to it, and for a bot subscription that the line allows a bot (digital menu).',
		],
	};
	const [message, description] = known[status] ?? [
		`1C-Connect answered ${call.what} with an error (${status}): ${said}`,
		status >= 500
			? "The fault is on 1C-Connect's side; try again later."
			: 'Check the Push API URL in the 1C-Connect credential.',
	];
	return apiError(node, {
		message,
		description,
		httpCode: status,
		itemIndex: call.itemIndex,
		mayHaveApplied,
	});
}
