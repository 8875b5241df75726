import type { IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { redactSecrets } from '../../shared/errors/redact';
import { sharedRead } from '../../shared/execution/shared-reads';
import { SlidingWindowLimiter, limiterKey } from '../../shared/http/rate-limiter';
import { decodeReplyText, parseJsonReply, quoteStart } from '../../shared/http/reply-body';
import type { ReplyShape } from '../../shared/http/reply-shape';
import { expectShape } from '../../shared/http/reply-shape';
import { serverUrlFrom } from '../../shared/http/server-url';
import type { RetryPolicy } from '../../shared/http/retry-policy';
import { defaultRetryPolicy } from '../../shared/http/retry-policy';
import type { RequestContext, VendorResponse } from '../../shared/http/vendor-request';
import { sendVendorRequest } from '../../shared/http/vendor-request';
import { runCredentials } from '../../shared/execution/run-credentials';
import type { DailyQuota } from './daily-quota';
import type { Effect } from '../../shared/http/effect';
import { safeToRepeat } from '../../shared/http/safe-to-repeat';

export const ATI_CREDENTIAL = 'atiApi';
const VENDOR = 'ATI.SU';
const DEFAULT_BASE_URL = 'https://api.ati.su';
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** Presence replies are small; the largest reply is the cities dictionary, a few MB. */
const MAX_REPLY_BYTES = 10 * 1024 * 1024;
const LIMITS_HINT = 'If ATI.SU is just slow, raise "Timeout (Seconds)" in the node\'s options.';

/** ATI asks clients that got 429 to wait 100 ms, then 200, 400 … */
export const atiRetryPolicy: RetryPolicy = {
	...defaultRetryPolicy,
	maxAttempts: 7,
	isRefusal: (statusCode) => statusCode === 429,
	vendorDelayMs: (statusCode, attempt) =>
		statusCode === 429 ? 100 * 2 ** (attempt - 1) : undefined,
};

/** ATI allows 10 requests per second per token: shared by every n8n process in queue mode. */
export const atiRateLimiter = new SlidingWindowLimiter(10, 1_000, undefined, 'ati');
/** Items in flight at once: as many as one second of the rate limit, which still spaces them. */
export const ATI_CONCURRENCY = 10;

interface AtiCredentials {
	accessToken: string;
	baseUrl: string;
}

export interface AtiRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: unknown;
	/**
	 * Declared by each operation. A read is sent again after a gateway error or a dropped
	 * connection, and identical reads of one run share one reply; a write is sent once unless
	 * `repeatable` (sending it twice changes nothing), which is retried but never shared.
	 */
	effect: Effect;
	repeatable?: boolean;
	/**
	 * The shape a successful reply must have, and how to name the request in an error.
	 * 'ignored': the body says nothing, the status does; 'object or nothing': an object, or an
	 * empty body or `null` (undefined then).
	 */
	expect: { shape: ReplyShape | 'ignored' | 'object or nothing'; what: string };
	timeoutMs?: number;
	itemIndex?: number;
	/** What to check when ATI answers 400 or 404; the presence hints by default. */
	hints?: { badRequest?: string; notFound?: string };
	/**
	 * ATI error codes, or 4xx statuses, that answer the call rather than fail it: `atiApiCall`
	 * returns them as an `AtiRefusal`.
	 */
	refusals?: ReadonlyArray<string | number>;
	/** A daily limit of ATI's this call counts against, and what it counts ("new loads"). */
	dailyQuota?: { quota: DailyQuota; what: string };
}

/** ATI refused the call with one of the request's `refusals` codes; nothing was changed. */
export class AtiRefusal {
	constructor(
		readonly code: string,
		readonly reason: string | undefined,
	) {}
}

/** The reply of a successful request, already checked against `request.expect`. */
export async function atiApiRequest<T>(
	context: RequestContext,
	request: Omit<AtiRequest, 'refusals'>,
): Promise<T> {
	return ((await atiApiCall<T>(context, request)) as AtiReply<T>).value;
}

/** A successful reply with its status: ATI tells some outcomes apart by it (202: merged). */
export interface AtiReply<T> {
	status: number;
	value: T;
	headers: VendorResponse['headers'];
}

/** As `atiApiRequest`, but a refusal the request lists in `refusals` is returned, not thrown. */
export async function atiApiCall<T>(
	context: RequestContext,
	request: AtiRequest,
): Promise<AtiReply<T> | AtiRefusal> {
	const credentials = await runCredentials<AtiCredentials>(context, ATI_CREDENTIAL);
	const baseUrl = serverUrlFrom(
		() => context.getNode(),
		credentials.baseUrl || DEFAULT_BASE_URL,
		{ vendor: VENDOR, field: 'Base URL', example: DEFAULT_BASE_URL },
		request.itemIndex,
	);
	const secrets = [credentials.accessToken];
	const rateKey = limiterKey(baseUrl, credentials.accessToken);

	const daily = request.dailyQuota;
	if (daily && !(await daily.quota.take(rateKey))) {
		throw apiError(context.getNode(), {
			message: `ATI.SU allows ${daily.quota.limit} ${daily.what} a day per contact, and n8n has sent that many with this token today`,
			description:
				'ATI.SU counts again from 00:00 Moscow time; nothing was sent. Spread the work over days, or use a token of another contact of the firm.',
			itemIndex: request.itemIndex,
		});
	}

	const body = request.body === undefined ? undefined : JSON.stringify(request.body);
	const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000;
	const send = async () =>
		await sendVendorRequest(
			context,
			{
				credentialType: ATI_CREDENTIAL,
				credentials,
				vendor: VENDOR,
				retryPolicy: atiRetryPolicy,
				secrets,
				unreachableHint: `Check the Base URL in the ATI.SU credential (${baseUrl}) and the network, then try again.`,
				limitsHint: LIMITS_HINT,
				itemIndex: request.itemIndex,
				beforeAttempt: async () => await atiRateLimiter.acquire(rateKey),
				onRefusal: async (delayMs) => await atiRateLimiter.slowDown(rateKey, delayMs),
			},
			{
				method: request.method,
				url: `${baseUrl}${request.path}`,
				headers: {
					Accept: 'application/json',
					'Accept-Encoding': 'gzip, deflate, br',
					...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
				},
				body,
				timeoutMs,
				maxReplyBytes: MAX_REPLY_BYTES,
				effect: request.effect,
				repeatable: request.repeatable,
			},
		);
	const response =
		request.effect === 'read'
			? await sharedRead(
					context,
					{
						vendor: VENDOR,
						credentialType: ATI_CREDENTIAL,
						method: request.method,
						url: request.path,
						body,
						limits: timeoutMs,
					},
					request.itemIndex,
					send,
				)
			: await send();

	const text = redactSecrets(decodeReplyText(response.body), secrets);
	if (response.statusCode >= 200 && response.statusCode < 300) {
		const shape = request.expect.shape;
		const status = response.statusCode;
		const nothing = shape === 'object or nothing' && /^\s*(null)?\s*$/.test(text);
		if (shape === 'ignored' || nothing) {
			return { status, value: undefined as T, headers: response.headers };
		}
		const reply = parseJsonReply(text, VENDOR);
		if (!reply.ok) {
			throw apiError(context.getNode(), {
				message: reply.problem,
				description: 'ATI.SU answered with something other than JSON; try again later.',
				httpCode: response.statusCode,
				itemIndex: request.itemIndex,
				mayHaveApplied: response.mayHaveApplied,
			});
		}
		const wanted = shape === 'object or nothing' ? 'object' : shape;
		const value = expectShape<T>(() => context.getNode(), reply.value, wanted, {
			vendor: VENDOR,
			what: request.expect.what,
			text,
			itemIndex: request.itemIndex,
			write: !safeToRepeat(request),
		});
		return { status, value, headers: response.headers };
	}
	// A refused request published or changed nothing: ATI's daily count does not include it.
	if (
		daily &&
		response.statusCode >= 400 &&
		response.statusCode < 500 &&
		response.statusCode !== 429
	) {
		await daily.quota.giveBack(rateKey);
	}
	const failure = atiHttpError(context, response, text, request);
	if (failure instanceof AtiRefusal) return failure;
	throw failure;
}

function atiHttpError(
	context: RequestContext,
	response: VendorResponse,
	text: string,
	request: AtiRequest,
) {
	const reply = readErrorReply(text);
	const status = response.statusCode;
	const refused =
		status >= 400 &&
		status < 500 &&
		(request.refusals?.includes(status) ||
			(reply.error && request.refusals?.includes(reply.error)));
	if (refused) return new AtiRefusal(reply.error ?? String(status), reply.reason);
	const reason = reply.reason ?? reply.error ?? (reply.empty ? undefined : quoteStart(text));
	const { message, description } = explain(
		status,
		reason ? `: ${reason}` : '',
		response.attempts,
		request.hints,
		request.dailyQuota,
	);
	const itemIndex = request.itemIndex;
	const wait =
		response.retryAfterMs === undefined
			? ''
			: ` ATI.SU asked to wait ${Math.ceil(response.retryAfterMs / 1000)} s before trying again.`;
	return apiError(context.getNode(), {
		message,
		description: description + wait,
		httpCode: status,
		itemIndex,
		vendorReply: reply.raw,
		mayHaveApplied: response.mayHaveApplied,
	});
}

/** `detail` is ": <what ATI said>", or empty when ATI said nothing (an empty body or `null`). */
function explain(
	status: number,
	detail: string,
	attempts: number,
	hints: AtiRequest['hints'] = {},
	daily?: AtiRequest['dailyQuota'],
) {
	if (status === 401) {
		return {
			message: `ATI.SU rejected the access token (401)${detail}`,
			description:
				'Check the access token in the ATI.SU credential, or issue a new one in the ATI.SU developer cabinet ("Мои токены").',
		};
	}
	if (status === 400) {
		return {
			message: `ATI.SU rejected the request (400)${detail}`,
			description:
				hints.badRequest ??
				'Check the contact IDs: each looks like 123456.0 (ATI code, a dot, the contact number), at most 100 per request.',
		};
	}
	if (status === 402 || status === 403) {
		return {
			message: `ATI.SU refused access (${status})${detail}`,
			description:
				"The token's ATI.SU account or plan does not allow this call; check it in the ATI.SU cabinet.",
		};
	}
	if (status === 404) {
		return {
			message: `ATI.SU found nothing at this address (404)${detail}`,
			description:
				hints.notFound ?? 'Check the contact ID and the Base URL in the ATI.SU credential.',
		};
	}
	if (status === 429) {
		return {
			message: `ATI.SU kept answering "too many requests" after ${attempts} attempts`,
			description: daily
				? `ATI allows ${daily.quota.limit} ${daily.what} a day per contact (also counting other systems using this contact), and 10 requests per second; if the day's limit is spent, ATI refuses until 00:00 Moscow time.`
				: 'ATI allows 10 requests per second per token, shared by everything using it; run fewer workflows at once with this token, or try again shortly.',
		};
	}
	return {
		message: `ATI.SU answered with an error (${status})${detail}`,
		description:
			status >= 500
				? "The fault is on ATI.SU's side; try again later."
				: 'Check the node parameters against the ATI.SU API.',
	};
}

/**
 * ATI error bodies are `{error, reason}`; older APIs say `Error`/`Reason`. Some refusals carry no
 * body, or the JSON `null`: those are `empty`, and the message then ends at the status.
 */
function readErrorReply(text: string): {
	error?: string;
	reason?: string;
	raw?: JsonObject;
	empty?: boolean;
} {
	if (/^\s*(null|""|\{\s*\})?\s*$/.test(text)) return { empty: true };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return {};
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
	const fields = Object.fromEntries(
		Object.entries(parsed as IDataObject).map(([key, value]) => [key.toLowerCase(), value]),
	);
	const asText = (value: unknown) =>
		typeof value === 'string' && value.trim() !== '' ? value : undefined;
	return { error: asText(fields.error), reason: asText(fields.reason), raw: parsed as JsonObject };
}
