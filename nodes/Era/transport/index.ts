import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RequestLimits } from '../../shared/description/request-limits';
import { apiError } from '../../shared/errors/node-errors';
import { basicAuthSecret, redactSecrets } from '../../shared/errors/redact';
import { MAX_PAGES, PageGuard } from '../../shared/http/page-guard';
import { decodeReplyText, parseJsonReply } from '../../shared/http/reply-body';
import { expectShape } from '../../shared/http/reply-shape';
import type { QueryParameters } from '../../shared/http/query-string';
import { serverUrlFrom } from '../../shared/http/server-url';
import type { RetryPolicy } from '../../shared/http/retry-policy';
import { defaultRetryPolicy } from '../../shared/http/retry-policy';
import type { RequestContext } from '../../shared/http/vendor-request';
import { sendVendorRequest } from '../../shared/http/vendor-request';
import { sharedRead } from '../../shared/execution/shared-reads';
import { LOGIN_REFUSED_PREFIX, unboundToken } from './login';
import { eraHttpError, readEraError } from './errors';
import { runCredentials } from '../../shared/execution/run-credentials';
import type { Effect } from '../../shared/http/effect';
import { safeToRepeat } from '../../shared/http/safe-to-repeat';

export const ERA_CREDENTIAL = 'eraApi';
export const VENDOR = 'ERA';
export const TIMEOUT_SECONDS = 30;
const MAX_REPLY_BYTES = 20 * 1024 * 1024;
/** Items read at once. ERA documents no limit; this keeps one node from crowding its server. */
export const ERA_CONCURRENCY = 4;

/**
 * ERA documents no rate-limit or busy reply. A 429 is the one standard answer that says the
 * server refused the request without processing it, so only it lets a write be sent again.
 */
const eraRetryPolicy: RetryPolicy = {
	...defaultRetryPolicy,
	isRefusal: (statusCode) => statusCode === 429,
};

interface EraCredentials {
	serverUrl: string;
	login: string;
	password: string;
	sessionToken?: string;
	ignoreSslIssues?: boolean;
}

export type EraMethod = IHttpRequestMethods | 'LOOKUP';

/** The item a call is made for, and the limits its options set (undefined: ERA's defaults). */
export interface EraCall extends RequestLimits {
	itemIndex?: number;
}

export interface EraRequest extends EraCall {
	method: EraMethod;
	/** Under /rest/v1, such as '/service/integration_points'. */
	path: string;
	qs?: QueryParameters;
	body?: unknown;
	/**
	 * Declared by each operation, whatever its HTTP verb. A read is sent again after a gateway
	 * error or a dropped connection, and identical reads of one run share one reply; a write is
	 * sent once unless `repeatable` (sending it twice changes nothing), retried but never shared.
	 */
	effect: Effect;
	repeatable?: boolean;
}

export interface EraReply {
	statusCode: number;
	/** Parsed JSON, or undefined for an empty body (204) or a "not found" taken as a reply. */
	value: unknown;
	/** The reply text with the secrets removed, to quote in errors. */
	text: string;
	notFound?: boolean;
}

/**
 * One ERA call with the session credential: n8n logs in when the token is missing and once more
 * after a 401. Answers 2xx with the parsed body; with `notFoundIsReply`, ERA's 404 {1404} comes
 * back as `{notFound: true}`; everything else becomes a node error.
 */
export async function eraApiRequest(
	context: RequestContext,
	request: EraRequest,
	notFoundIsReply = false,
): Promise<EraReply> {
	if (request.effect !== 'read') return await sendEraRequest(context, request, notFoundIsReply);
	const identity = {
		vendor: VENDOR,
		credentialType: ERA_CREDENTIAL,
		method: request.method,
		url: request.path,
		qs: request.qs,
		body: request.body === undefined ? undefined : JSON.stringify(request.body),
		limits: [request.timeoutMs, request.maxReplyBytes, notFoundIsReply],
	};
	return await sharedRead(
		context,
		identity,
		request.itemIndex,
		async () => await sendEraRequest(context, request, notFoundIsReply),
		copyOfReply,
	);
}

/**
 * An item's own copy of a shared reply, parsed again from its text (quicker than copying the
 * parsed value): callers change what they are given.
 */
function copyOfReply(reply: EraReply): EraReply {
	if (reply.value === undefined) return { ...reply };
	const copy = parseJsonReply(reply.text, VENDOR);
	return { ...reply, value: copy.ok ? copy.value : undefined };
}

async function sendEraRequest(
	context: RequestContext,
	request: EraRequest,
	notFoundIsReply: boolean,
): Promise<EraReply> {
	const credentials = await runCredentials<EraCredentials>(context, ERA_CREDENTIAL);
	const serverUrl = serverUrlFrom(
		() => context.getNode(),
		credentials.serverUrl,
		{ vendor: VENDOR, field: 'Server URL', example: 'https://era.example.com' },
		request.itemIndex,
	);
	const secrets = [
		credentials.password,
		// ERA sends no Basic auth, but a proxy or a server echoing it must not show it either.
		basicAuthSecret(credentials.login, credentials.password),
		credentials.sessionToken,
		unboundToken(credentials.sessionToken),
	];
	let response;
	try {
		response = await sendVendorRequest(
			context,
			{
				credentialType: ERA_CREDENTIAL,
				credentials,
				vendor: VENDOR,
				retryPolicy: eraRetryPolicy,
				secrets,
				unreachableHint: `Check the Server URL in the ERA credential (${serverUrl}) and the network, then try again.`,
				// Only the operations, which run for an item, have the option.
				limitsHint:
					request.itemIndex === undefined
						? undefined
						: 'If ERA is just slow, raise "Timeout (Seconds)" in the node\'s options.',
				itemIndex: request.itemIndex,
				refreshSessionOn: [401],
			},
			{
				// LOOKUP is ERA's own verb: n8n's types do not list it, its HTTP client sends it as is.
				method: request.method as IHttpRequestMethods,
				url: `${serverUrl}/rest/v1${request.path}`,
				qs: request.qs,
				headers: {
					Accept: 'application/json',
					...(request.body === undefined
						? {}
						: { 'Content-Type': 'application/json; charset=utf-8' }),
				},
				body: request.body === undefined ? undefined : JSON.stringify(request.body),
				timeoutMs: request.timeoutMs ?? TIMEOUT_SECONDS * 1000,
				maxReplyBytes: request.maxReplyBytes ?? MAX_REPLY_BYTES,
				effect: request.effect,
				repeatable: request.repeatable,
				skipSslCertificateValidation: credentials.ignoreSslIssues === true,
			},
		);
	} catch (error) {
		throw asLoginError(context, error, secrets, request.itemIndex) ?? error;
	}

	if (response.statusCode >= 300) {
		// n8n may have logged in again during the request: the new token is a secret too.
		const current = await context.getCredentials(ERA_CREDENTIAL);
		secrets.push(current.sessionToken as string | undefined, unboundToken(current.sessionToken));
	}
	const text = redactSecrets(decodeReplyText(response.body), secrets);
	const { statusCode } = response;
	if (notFoundIsReply && statusCode === 404 && readEraError(text)?.error_code === 1404) {
		return { statusCode, value: undefined, text, notFound: true };
	}
	if (statusCode < 200 || statusCode >= 300) {
		throw eraHttpError(
			context.getNode(),
			statusCode,
			text,
			request.itemIndex,
			response.mayHaveApplied,
		);
	}
	if (text.trim() === '') return { statusCode, value: undefined, text };
	const reply = parseJsonReply(text, VENDOR);
	if (reply.ok) return { statusCode, value: reply.value, text };
	throw apiError(context.getNode(), {
		message: reply.problem,
		description: 'ERA answered with something other than JSON; check the Server URL.',
		httpCode: statusCode,
		itemIndex: request.itemIndex,
		// A 2xx to a write: ERA took it, whatever it sent back.
		mayHaveApplied: safeToRepeat(request) ? undefined : VENDOR,
	});
}

/**
 * A login ERA refused reaches us as the message of a plain error (see EraApi.preAuthentication);
 * it becomes an API error that says what n8n does about it.
 */
function asLoginError(
	context: RequestContext,
	error: unknown,
	secrets: unknown[],
	itemIndex?: number,
): NodeApiError | undefined {
	if (!(error instanceof NodeOperationError)) return undefined;
	if (!error.message.startsWith(LOGIN_REFUSED_PREFIX)) return undefined;
	return apiError(context.getNode(), {
		message: redactSecrets(error.message, secrets),
		description:
			'n8n logs in to ERA with the Domain, Login and Password of the ERA credential. It tries a refused login only once, since ERA bans an address after 5 failed logins in 3 minutes.',
		itemIndex,
	});
}

/** Points per Get Many request; ERA documents no maximum, and a server may send fewer. */
export const PAGE_SIZE = 100;

/**
 * Pages through a list with offset and limit until `max` items or an empty page. ERA's list
 * reply carries no total and a server may cap its pages below `limit`, so a short page is not
 * the end. A page holding only entries already read means the server ignores `offset`: that
 * stops with an error instead of a loop, and so does a list longer than the page cap.
 */
export async function eraApiRequestAllItems(
	context: RequestContext,
	request: EraRequest,
	max: number,
	what: string,
): Promise<IDataObject[]> {
	const node = context.getNode();
	const guard = new PageGuard(node, VENDOR, MAX_PAGES, request.itemIndex);
	const seen = new Set<string>();
	const items: IDataObject[] = [];
	for (let offset = 0; items.length < max; ) {
		guard.next(offset);
		const limit = Math.min(PAGE_SIZE, max - items.length);
		const reply = await eraApiRequest(context, {
			...request,
			qs: { ...request.qs, offset, limit },
		});
		const page = expectShape<IDataObject[]>(() => node, reply.value, 'list of objects', {
			vendor: VENDOR,
			what,
			text: reply.text,
			itemIndex: request.itemIndex,
		});
		if (page.length === 0) break;
		const keys = page.map(entryKey);
		if (keys.every((key) => seen.has(key))) {
			throw apiError(node, {
				message: `ERA answered ${what} at offset ${offset} with entries it had already sent; paging was stopped`,
				description:
					'The server seems to ignore "offset", so reading on would never end. Set a Limit instead of Return All, or check the Server URL in the ERA credential.',
				itemIndex: request.itemIndex,
			});
		}
		for (const key of keys) seen.add(key);
		items.push(...page.slice(0, max - items.length));
		offset += page.length;
	}
	return items;
}

/** What tells list entries apart: the ID, or the whole entry when the reply has none. */
function entryKey(entry: IDataObject): string {
	const id = entry.id;
	return typeof id === 'string' || typeof id === 'number'
		? `id ${id}`
		: `entry ${JSON.stringify(entry)}`;
}
