import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { redactSecrets } from '../../shared/errors/redact';
import { decodeReplyText, parseJsonReply } from '../../shared/http/reply-body';
import { defaultRetryPolicy } from '../../shared/http/retry-policy';
import type { RequestContext } from '../../shared/http/vendor-request';
import { isIdempotentMethod, sendVendorRequest } from '../../shared/http/vendor-request';
import { LOGIN_REFUSED_PREFIX, unboundToken } from '../helpers/login';
import { eraHttpError, readEraError } from './errors';

export const ERA_CREDENTIAL = 'eraApi';
const VENDOR = 'ERA';
const TIMEOUT_MS = 30_000;
const MAX_REPLY_BYTES = 20 * 1024 * 1024;
/** Points per Get Many request; ERA documents no maximum. */
export const PAGE_SIZE = 100;

interface EraCredentials {
	serverUrl: string;
	password: string;
	sessionToken?: string;
	ignoreSslIssues?: boolean;
}

export type EraMethod = IHttpRequestMethods | 'LOOKUP';

export interface EraRequest {
	method: EraMethod;
	/** Under /rest/v1, such as '/service/integration_points'. */
	path: string;
	qs?: IDataObject;
	body?: unknown;
	itemIndex?: number;
}

export interface EraReply {
	statusCode: number;
	/** Parsed JSON, or undefined for an empty body (204) or a "not found" taken as a reply. */
	value: unknown;
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
	const credentials = (await context.getCredentials(ERA_CREDENTIAL)) as unknown as EraCredentials;
	const serverUrl = String(credentials.serverUrl ?? '').replace(/\/+$/, '');
	const secrets = [
		credentials.password,
		credentials.sessionToken,
		unboundToken(credentials.sessionToken),
	];
	const node = context.getNode();

	let response;
	try {
		response = await sendVendorRequest(
			context,
			{
				credentialType: ERA_CREDENTIAL,
				vendor: VENDOR,
				retryPolicy: defaultRetryPolicy,
				secrets,
				unreachableHint: `Check the Server URL in the ERA credential (${serverUrl}) and the network, then try again.`,
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
				timeoutMs: TIMEOUT_MS,
				maxReplyBytes: MAX_REPLY_BYTES,
				idempotent: request.method === 'LOOKUP' || isIdempotentMethod(request.method),
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
	if (notFoundIsReply && response.statusCode === 404 && readEraError(text)?.error_code === 1404) {
		return { statusCode: 404, value: undefined, notFound: true };
	}
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw eraHttpError(node, response.statusCode, text, request.itemIndex);
	}
	if (text.trim() === '') return { statusCode: response.statusCode, value: undefined };
	const reply = parseJsonReply(text, VENDOR);
	if (reply.ok) return { statusCode: response.statusCode, value: reply.value };
	throw apiError(node, {
		message: reply.problem,
		description: 'ERA answered with something other than JSON; check the Server URL.',
		httpCode: response.statusCode,
		itemIndex: request.itemIndex,
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

/** Pages through a list with offset and limit until `max` items or a short page. */
export async function eraApiRequestAllItems(
	context: RequestContext,
	request: EraRequest,
	max = Infinity,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	for (let offset = 0; items.length < max; ) {
		const limit = Math.min(PAGE_SIZE, max - items.length);
		const { value } = await eraApiRequest(context, {
			...request,
			qs: { ...request.qs, offset, limit },
		});
		const page = Array.isArray(value) ? (value as IDataObject[]) : [];
		items.push(...page);
		if (page.length < limit) break;
		offset += page.length;
	}
	return items;
}
