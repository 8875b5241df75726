import type { IDataObject } from 'n8n-workflow';

import { apiError, inputError } from '../../shared/errors/node-errors';
import { redactSecrets } from '../../shared/errors/redact';
import { PageGuard } from '../../shared/http/page-guard';
import { limiterKey } from '../../shared/http/rate-limiter';
import { decodeReplyText, parseJsonReply, quoteStart } from '../../shared/http/reply-body';
import { isPlainObject } from '../../shared/http/reply-shape';
import type { RetryPolicy } from '../../shared/http/retry-policy';
import { defaultRetryPolicy } from '../../shared/http/retry-policy';
import type { RequestContext } from '../../shared/http/vendor-request';
import { sendVendorRequest } from '../../shared/http/vendor-request';
import { bitrixError, errorIn } from './errors';
import { budgetResetAt, noteBudget } from './operating-budget';
import type { Plan } from './leaky-bucket';
import { buckets } from './leaky-bucket';
import type { AuthMode, Portal } from './portal';
import { APP_CREDENTIAL_TYPE, resolvePortal } from './portal';
import type { Effectful } from '../../shared/http/safe-to-repeat';
import { safeToRepeat } from '../../shared/http/safe-to-repeat';

const VENDOR = 'Bitrix24';
export const TIMEOUT_SECONDS = 60;
/**
 * Items in flight at once for per-item calls. The leaky bucket keeps the rate (2 a second, a
 * burst of 50); a call may run for seconds, and Bitrix24 also limits each method's working time.
 */
export const BITRIX24_CONCURRENCY = 2;
/** A batch of 50 list calls of 50 records each stays well below this. */
export const MAX_REPLY_MEGABYTES = 50;

/**
 * 503 QUERY_LIMIT_EXCEEDED is a refusal, so even a write is sent again; 429 OPERATION_TIME_LIMIT
 * lasts minutes, so it fails fast, unless its Retry-After asks for a wait short enough for a read
 * (the shared rule, asksToWait).
 */
export const bitrixRetryPolicy: RetryPolicy = {
	...defaultRetryPolicy,
	baseDelayMs: 1_000,
	retryStatuses: [502, 503, 504],
	isRefusal: (statusCode, body) => statusCode === 503 && body.includes('QUERY_LIMIT_EXCEEDED'),
};

const METHOD_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/i;

/**
 * Declared by each operation: only a read (or a repeatable write) is sent again after a gateway
 * error or a dropped connection (a `batch` only when every command in it reads).
 */
export type CallEffect = Effectful;

export type BitrixCall = CallLimits &
	CallEffect & {
		method: string;
		params?: IDataObject;
		itemIndex?: number;
	};

export interface CallLimits {
	timeoutMs?: number;
	maxReplyBytes?: number;
	/** Where the user can raise the timeout or the reply size limit. */
	limitsHint?: string;
}

export interface BitrixReply {
	result?: unknown;
	total?: number;
	next?: number;
	time?: IDataObject;
}

export interface BitrixTarget {
	mode: AuthMode;
	plan: Plan;
}

export function checkMethodName(context: RequestContext, method: string, itemIndex?: number) {
	const name = method.trim();
	if (!METHOD_NAME.test(name)) {
		throw inputError(
			context.getNode(),
			`"${name}" is not a Bitrix24 method name`,
			'Enter a REST method name such as crm.deal.list or user.current, without the portal address or ".json".',
			itemIndex,
		);
	}
	return name;
}

/** Calls one REST method; renews an expired OAuth2 token once, then repeats the call. */
export async function bitrixApiRequest(
	context: RequestContext,
	target: BitrixTarget,
	call: BitrixCall,
): Promise<BitrixReply> {
	const method = checkMethodName(context, call.method, call.itemIndex);
	let portal = await resolvePortal(context, target.mode);
	for (let renewed = false; ; renewed = true) {
		const outcome = await sendOnce(context, target, portal, { ...call, method });
		if (outcome.ok) return outcome.reply;
		if (outcome.expired && portal.mode === 'oAuth2' && !renewed) {
			await renewToken(context, portal, call.itemIndex);
			portal = await resolvePortal(context, target.mode);
			continue;
		}
		throw outcome.error;
	}
}

type Outcome = { ok: true; reply: BitrixReply } | { ok: false; expired: boolean; error: Error };

async function sendOnce(
	context: RequestContext,
	target: BitrixTarget,
	portal: Portal,
	call: BitrixCall,
): Promise<Outcome> {
	const response = await sendVendorRequest(
		context,
		{
			credentialType: portal.credentialType,
			vendor: VENDOR,
			retryPolicy: bitrixRetryPolicy,
			secrets: portal.secrets,
			unreachableHint: `Check the portal address (${portal.origin}) in the Bitrix24 credential and the network, then try again.`,
			limitsHint: call.limitsHint,
			itemIndex: call.itemIndex,
			beforeAttempt: async () => await buckets[target.plan].acquire(portal.limiterKey),
			onRefusal: async (delayMs) => await buckets[target.plan].slowDown(portal.limiterKey, delayMs),
		},
		{
			method: 'POST',
			url: `${portal.methodBase}${call.method}.json`,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: JSON.stringify(call.params ?? {}),
			timeoutMs: call.timeoutMs ?? TIMEOUT_SECONDS * 1000,
			maxReplyBytes: call.maxReplyBytes ?? MAX_REPLY_MEGABYTES * 1024 * 1024,
			effect: safeToRepeat(call) ? 'read' : 'write',
		},
	);

	const text = redactSecrets(decodeReplyText(response.body), portal.secrets);
	const parsed = parseJsonReply(text, VENDOR);
	const vendorError = parsed.ok ? errorIn(parsed.value) : undefined;
	const success = response.statusCode >= 200 && response.statusCode < 300;
	if (success && !vendorError) {
		// A write that was answered 200 reached Bitrix24, whatever the body says.
		const applied = safeToRepeat(call) ? undefined : VENDOR;
		if (!parsed.ok) {
			return failed(context, call, response.statusCode, {
				message: parsed.problem,
				description: 'Bitrix24 answered with something other than JSON; try again later.',
				mayHaveApplied: applied,
			});
		}
		if (!isRestReply(parsed.value)) {
			return failed(context, call, response.statusCode, {
				message: `Bitrix24 answered ${call.method} with something other than a REST reply: ${quoteStart(text)}`,
				description:
					'Bitrix24 replies are objects holding "result"; check the portal address in the credential, or try again later.',
				mayHaveApplied: applied,
			});
		}
		const reply = parsed.value as BitrixReply;
		noteBudget(portal.limiterKey, call.method, reply.time);
		return { ok: true, reply };
	}
	return {
		ok: false,
		expired: response.statusCode === 401 && vendorError?.error === 'expired_token',
		error: bitrixError(context, {
			status: response.statusCode,
			reply: vendorError,
			text,
			attempts: response.attempts,
			mode: portal.mode,
			method: call.method,
			itemIndex: call.itemIndex,
			budgetResetAt: budgetResetAt(portal.limiterKey, call.method),
			retryAfterMs: response.retryAfterMs,
			mayHaveApplied: response.mayHaveApplied,
		}),
	};
}

/** Every successful Bitrix24 reply is `{result: …}`; anything else (null, a number, a list) is not one. */
function isRestReply(value: unknown): boolean {
	return isPlainObject(value) && 'result' in value;
}

function failed(
	context: RequestContext,
	call: BitrixCall,
	httpCode: number,
	details: { message: string; description: string; mayHaveApplied?: string },
): Outcome {
	return {
		ok: false,
		expired: false,
		error: apiError(context.getNode(), { ...details, httpCode, itemIndex: call.itemIndex }),
	};
}

const renewals = new Map<string, Promise<void>>();

/**
 * Bitrix24 rotates the refresh token on every renewal, so parallel requests that all saw
 * `expired_token` must renew it once: the first starts the renewal, the others wait for it, and
 * one that finds a newer token stored than the one it sent just uses that.
 */
async function renewToken(context: RequestContext, stale: Portal, itemIndex?: number) {
	const key = limiterKey(stale.origin, stale.accessToken);
	let renewal = renewals.get(key);
	if (!renewal) {
		renewal = (async () => {
			const current = await resolvePortal(context, 'oAuth2');
			if (current.accessToken !== stale.accessToken) return;
			await context.helpers.refreshOAuth2Token.call(context, APP_CREDENTIAL_TYPE);
		})();
		renewals.set(key, renewal);
		void renewal.then(
			() => renewals.delete(key),
			() => renewals.delete(key),
		);
	}
	try {
		await renewal;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw apiError(context.getNode(), {
			message: `Bitrix24 did not renew the access token: ${redactSecrets(reason, stale.secrets)}`,
			description:
				'Reconnect the Bitrix24 OAuth2 API credential. The refresh token lasts 180 days and each renewal replaces it.',
			itemIndex,
		});
	}
}

/** Follows `next` from page to page, stopping a server whose `next` does not advance; `limit` stops early. */
export async function bitrixApiRequestAllItems(
	context: RequestContext,
	target: BitrixTarget,
	call: BitrixCall,
	limit = Infinity,
): Promise<unknown[]> {
	const records: unknown[] = [];
	const guard = new PageGuard(context.getNode(), VENDOR, undefined, call.itemIndex);
	let start: number | undefined;
	for (;;) {
		guard.next(start ?? 0);
		const params = start === undefined ? call.params : { ...call.params, start };
		const reply = await bitrixApiRequest(context, target, { ...call, params });
		const page = pageRecords(reply.result);
		records.push(...page);
		if (records.length >= limit) return records.slice(0, limit);
		if (typeof reply.next !== 'number' || page.length === 0) return records;
		start = reply.next;
	}
}

/** List methods answer an array, or an object holding one array (`{tasks: [...]}`). */
export function pageRecords(result: unknown): unknown[] {
	if (Array.isArray(result)) return result;
	if (result && typeof result === 'object') {
		const arrays = Object.values(result).filter(Array.isArray);
		if (arrays.length === 1) return arrays[0];
	}
	return result === undefined ? [] : [result];
}
