import type {
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	ITriggerFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { NetworkFailure, networkFailure } from '../errors/network-failure';
import { apiError } from '../errors/node-errors';
import { redactSecrets } from '../errors/redact';
import type { RetryPolicy } from './retry-policy';
import { parseRetryAfter, retryDelayMs } from './retry-policy';

export type RequestContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| ITriggerFunctions;

export interface VendorRequest {
	method: IHttpRequestMethods;
	url: string;
	headers?: Record<string, string>;
	qs?: IHttpRequestOptions['qs'];
	body?: IHttpRequestOptions['body'];
	timeoutMs: number;
	/** Safe to send twice: reads, and writes the vendor treats as idempotent. */
	idempotent: boolean;
	skipSslCertificateValidation?: boolean;
}

export interface VendorResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
	attempts: number;
	/** The wait the final reply asked for (`Retry-After`), if any. */
	retryAfterMs?: number;
}

export interface TransportHooks {
	credentialType: string;
	/** The vendor's name as users know it, for messages. */
	vendor: string;
	retryPolicy: RetryPolicy;
	/** Credential values that must never appear in an error. */
	secrets: unknown[];
	/** What to check when the server cannot be reached. */
	unreachableHint: string;
	itemIndex?: number;
	/**
	 * Statuses that mean "session expired" for credentials with `preAuthentication`: n8n then logs
	 * in again and repeats the request once.
	 */
	refreshSessionOn?: number[];
	/** Waits for the vendor's rate limit before each attempt; what it returns is called after. */
	beforeAttempt?: () => Promise<(() => void) | void>;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function isIdempotentMethod(method: string): boolean {
	return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * The one place that sends a vendor request: through n8n's authenticated HTTP helper (so
 * credentials, proxy and SSL settings apply), with retries for rate limits, gateway errors and,
 * for idempotent calls, dropped connections. Returns the last reply whatever its status; turning
 * it into an error is the vendor transport's job.
 */
export async function sendVendorRequest(
	context: RequestContext,
	hooks: TransportHooks,
	request: VendorRequest,
): Promise<VendorResponse> {
	const policy = hooks.retryPolicy;
	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		const afterAttempt = await hooks.beforeAttempt?.();
		let outcome: HttpReply | NetworkFailure;
		try {
			outcome = await sendOnce(context, hooks, request);
		} finally {
			afterAttempt?.();
		}

		if (outcome instanceof NetworkFailure) {
			const delay = retryDelayMs(policy, attempt, undefined, undefined);
			const retryable =
				request.idempotent && outcome.transient && attempt < policy.maxNetworkAttempts;
			if (!retryable || !canRetry(policy, attempt, waitedMs, delay)) {
				throw unreachable(context, hooks, outcome, attempt);
			}
			logRetry(context, hooks, `connection failure (${outcome.code})`, attempt, delay);
			waitedMs += delay;
			await sleep(delay);
			continue;
		}

		const statusCode = outcome.statusCode;
		if (policy.retryStatuses.includes(statusCode)) {
			const delay = retryDelayMs(
				policy,
				attempt,
				statusCode,
				headerValue(outcome.headers, 'retry-after'),
			);
			if (canRetry(policy, attempt, waitedMs, delay)) {
				logRetry(context, hooks, `HTTP ${statusCode}`, attempt, delay);
				waitedMs += delay;
				await sleep(delay);
				continue;
			}
		}
		return finalReply(outcome, attempt);
	}
}

/** One try: the server's reply whatever its status, or the network failure that prevented one. */
async function sendOnce(
	context: RequestContext,
	hooks: TransportHooks,
	request: VendorRequest,
): Promise<HttpReply | NetworkFailure> {
	try {
		return (await context.helpers.httpRequestWithAuthentication.call(
			context,
			hooks.credentialType,
			{
				method: request.method,
				url: request.url,
				headers: request.headers,
				qs: request.qs,
				body: request.body,
				timeout: request.timeoutMs,
				encoding: 'arraybuffer',
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: hooks.refreshSessionOn
					? { ignore: true, except: hooks.refreshSessionOn }
					: true,
				skipSslCertificateValidation: request.skipSslCertificateValidation,
			},
			hooks.refreshSessionOn
				? { preAuthenticationRetryStatusCode: hooks.refreshSessionOn }
				: undefined,
		)) as HttpReply;
	} catch (error) {
		const outcome = httpReplyIn(error) ?? networkFailure(error);
		if (outcome) return outcome;
		const message = error instanceof Error ? error.message : String(error);
		throw new NodeOperationError(context.getNode(), redactSecrets(message, hooks.secrets), {
			itemIndex: hooks.itemIndex,
		});
	}
}

interface HttpReply {
	statusCode: number;
	headers: VendorResponse['headers'];
	body: unknown;
}

function finalReply(reply: HttpReply, attempts: number): VendorResponse {
	return {
		statusCode: reply.statusCode,
		headers: reply.headers,
		body: toBuffer(reply.body),
		attempts,
		retryAfterMs: parseRetryAfter(headerValue(reply.headers, 'retry-after')),
	};
}

/**
 * The HTTP reply inside an error n8n threw (a refused re-login, or a request still rejected after
 * it). Only status, headers and body are taken: the request, with its secrets, stays behind.
 */
function httpReplyIn(error: unknown): HttpReply | undefined {
	const seen = new Set<unknown>();
	let current = error as { response?: unknown; cause?: unknown } | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const response = current.response as
			| { status?: unknown; headers?: VendorResponse['headers']; data?: unknown }
			| undefined;
		if (response && typeof response.status === 'number') {
			return { statusCode: response.status, headers: response.headers ?? {}, body: response.data };
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

function unreachable(
	context: RequestContext,
	hooks: TransportHooks,
	failure: NetworkFailure,
	attempts: number,
) {
	const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
	return apiError(context.getNode(), {
		message: `Could not reach ${hooks.vendor}: ${failure.message}${tries}`,
		description: hooks.unreachableHint,
		itemIndex: hooks.itemIndex,
	});
}

function logRetry(
	context: RequestContext,
	hooks: TransportHooks,
	reason: string,
	attempt: number,
	delayMs: number,
) {
	context.logger.debug(`${hooks.vendor}: retrying after ${reason}`, { attempt, delayMs });
}

function canRetry(
	policy: RetryPolicy,
	attempt: number,
	waitedMs: number,
	delayMs: number,
): boolean {
	return attempt < policy.maxAttempts && waitedMs + delayMs <= policy.maxTotalWaitMs;
}

export function headerValue(headers: VendorResponse['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (body === undefined || body === null) return Buffer.alloc(0);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body), 'utf8');
}
