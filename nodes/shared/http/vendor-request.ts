import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IAdditionalCredentialOptions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	ITriggerFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	certificateAdvice,
	certificateFailureIn,
	isCertificateFailure,
} from '../errors/certificate-failure';
import { NetworkFailure, REPLY_CUT, networkFailure } from '../errors/network-failure';
import { apiError } from '../errors/node-errors';
import { redactSecrets } from '../errors/redact';
import type { BodySink } from './body-reader';
import { discardBody, readBody } from './body-reader';
import type { RequestCutShort } from './deadline';
import { Deadline } from './deadline';
import type { Effect } from './effect';
import type { RedirectStep } from './redirect';
import { safeToRepeat } from './safe-to-repeat';
import { MAX_REDIRECTS, redirectStep } from './redirect';
import { decodeReplyText } from './reply-body';
import type { QueryParameters } from './query-string';
import { urlWithQuery } from './query-string';
import type { RetryPolicy } from './retry-policy';
import { asksToWait, parseRetryAfter, retryDelayMs } from './retry-policy';

export type RequestContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| ITriggerFunctions;

export interface VendorRequest {
	method: IHttpRequestMethods;
	url: string;
	headers?: Record<string, string>;
	qs?: QueryParameters;
	body?: IHttpRequestOptions['body'];
	/** One deadline for each attempt: connecting, the headers and the whole body. */
	timeoutMs: number;
	/** The largest reply read; past it the connection is dropped and the request fails. */
	maxReplyBytes: number;
	/** What the request does: see safe-to-repeat.ts. */
	effect?: Effect;
	repeatable?: boolean;
	skipSslCertificateValidation?: boolean;
	/** Decodes a reply with this status as it streams in, instead of holding its body whole. */
	replySink?: (statusCode: number) => BodySink | undefined;
}

export interface VendorResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
	attempts: number;
	/** The wait the final reply asked for (`Retry-After`), if any. */
	retryAfterMs?: number;
	/** A write answered with a server error: it may have been applied (the vendor's name). */
	mayHaveApplied?: string;
}

export interface TransportHooks {
	credentialType: string;
	/**
	 * The credential's data as the caller already read it: n8n then authenticates with it instead
	 * of reading the credential again for every request.
	 */
	credentials?: object;
	/** The vendor's name as users know it, for messages. */
	vendor: string;
	retryPolicy: RetryPolicy;
	/** Credential values that must never appear in an error. */
	secrets: unknown[];
	/** What to check when the server cannot be reached. */
	unreachableHint: string;
	/** Where the user can raise the timeout or the reply size limit, if anywhere. */
	limitsHint?: string;
	itemIndex?: number;
	/**
	 * Statuses that mean "session expired" for credentials with `preAuthentication`: n8n then logs
	 * in again and repeats the request once.
	 */
	refreshSessionOn?: number[];
	/** Waits for the vendor's rate limit before each attempt; what it returns is called after. */
	beforeAttempt?: () => Promise<(() => void) | void>;
	/**
	 * The vendor refused an attempt as over its limit (a reply proving it did not process it) and
	 * it will be sent again after `delayMs`: the limiter holds everyone back that long.
	 */
	onRefusal?: (delayMs: number) => Promise<void>;
	/**
	 * Sent with no credential at all: a link the vendor gave that points to another server, or a
	 * request that carries its own proof.
	 */
	withoutCredentials?: boolean;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function isIdempotentMethod(method: string): boolean {
	return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * The one place that sends a vendor request: through n8n's authenticated HTTP helper (so
 * credentials, proxy and SSL settings apply), within a deadline and a reply size cap, following
 * redirects only on the same server. A read is repeated after rate limits, gateway errors and
 * dropped connections; a write only after a reply proving the vendor did not take it. Returns the
 * last reply whatever its status; turning it into an error is the vendor transport's job.
 */
export async function sendVendorRequest(
	context: RequestContext,
	hooks: TransportHooks,
	request: VendorRequest,
): Promise<VendorResponse> {
	const policy = hooks.retryPolicy;
	// A body that streams (a file) is spent by its first try: it is never sent again.
	const sentOnce = isStream(request.body);
	let waitedMs = 0;
	let url = urlWithQuery(request.url, request.qs);
	let redirects = 0;
	for (let attempt = 1; ; attempt++) {
		const afterAttempt = await hooks.beforeAttempt?.();
		let outcome: HttpReply | NetworkFailure;
		try {
			outcome = await sendOnce(context, hooks, { ...request, url });
		} finally {
			afterAttempt?.();
		}

		if (outcome instanceof NetworkFailure) {
			const delay = retryDelayMs(policy, attempt, undefined, undefined);
			const retryable =
				!sentOnce &&
				safeToRepeat(request) &&
				outcome.transient &&
				attempt < policy.maxNetworkAttempts;
			if (!retryable || !canRetry(policy, attempt, waitedMs, delay)) {
				throw unreachable(context, hooks, request, outcome, attempt);
			}
			logRetry(context, hooks, `connection failure (${outcome.code})`, attempt, delay);
			waitedMs += delay;
			await sleep(delay);
			continue;
		}

		const step = redirectStep(outcome, url, request.method);
		if (step.kind === 'follow' && sentOnce) {
			throw redirectError(
				context,
				hooks,
				{ kind: 'refuse', reason: 'spent-body', target: new URL(step.url).origin },
				url,
			);
		}
		if (step.kind === 'follow' && redirects < MAX_REDIRECTS) {
			redirects++;
			url = step.url;
			attempt--;
			continue;
		}
		if (step.kind !== 'none') throw redirectError(context, hooks, step, url);

		const statusCode = outcome.statusCode;
		// A refusal is an error reply: a success body is not decoded here.
		const refused =
			statusCode >= 400 && (policy.isRefusal?.(statusCode, decodeReplyText(outcome.body)) ?? false);
		const retryAfter = headerValue(outcome.headers, 'retry-after');
		const readRetry =
			policy.retryStatuses.includes(statusCode) || asksToWait(statusCode, retryAfter);
		if (!sentOnce && (refused || (safeToRepeat(request) && readRetry))) {
			const delay = retryDelayMs(policy, attempt, statusCode, retryAfter);
			if (canRetry(policy, attempt, waitedMs, delay)) {
				logRetry(context, hooks, `HTTP ${statusCode}`, attempt, delay);
				if (refused) await hooks.onRefusal?.(delay);
				waitedMs += delay;
				await sleep(delay);
				continue;
			}
		}
		const unknownOutcome = !safeToRepeat(request) && statusCode >= 500 && !refused;
		return finalReply(outcome, attempt, unknownOutcome ? hooks.vendor : undefined);
	}
}

interface HttpReply {
	statusCode: number;
	headers: VendorResponse['headers'];
	body: Buffer;
}

/** One try: the server's whole reply whatever its status, or the failure that prevented one. */
async function sendOnce(
	context: RequestContext,
	hooks: TransportHooks,
	request: VendorRequest,
): Promise<HttpReply | NetworkFailure> {
	const deadline = new Deadline(request.timeoutMs);
	// No `timeout` for n8n's client: the deadline aborts the request from connecting to the last
	// byte, and a second timer on every request only cost time.
	const options = deadline.attachTo({
		method: request.method,
		url: request.url,
		headers: request.headers,
		body: request.body,
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		ignoreHttpStatusErrors: hooks.refreshSessionOn
			? { ignore: true, except: hooks.refreshSessionOn }
			: true,
		skipSslCertificateValidation: request.skipSslCertificateValidation,
	});
	try {
		let reply: StreamedReply | undefined;
		let failure: unknown;
		try {
			const sent = hooks.withoutCredentials
				? context.helpers.httpRequest(options)
				: context.helpers.httpRequestWithAuthentication.call(
						context,
						hooks.credentialType,
						options,
						authenticationOptions(hooks),
					);
			reply = await deadline.race(sent as Promise<StreamedReply>, (late) => discardBody(late.body));
		} catch (error) {
			failure = error;
		}
		// An error status n8n threw (a refused re-login, or a request still rejected after it).
		reply ??= deadline.cutShort ? undefined : httpReplyIn(failure);
		if (!reply) return failureOf(context, hooks, request, deadline, failure);
		return await readReply(context, hooks, request, deadline, reply);
	} finally {
		deadline.clear();
	}
}

/** The reply's body, read within the deadline and the size cap. */
async function readReply(
	context: RequestContext,
	hooks: TransportHooks,
	request: VendorRequest,
	deadline: Deadline,
	reply: StreamedReply,
): Promise<HttpReply | NetworkFailure> {
	try {
		const sink = request.replySink?.(reply.statusCode);
		const body = await readBody(reply.body, request.maxReplyBytes, deadline, sink);
		const headers = reply.headers ?? {};
		if (sink?.unfinished?.() && !framed(headers)) return new NetworkFailure(REPLY_CUT);
		return { statusCode: reply.statusCode, headers, body };
	} catch (error) {
		return failureOf(context, hooks, request, deadline, error);
	}
}

/** The body's end is announced (a length or chunks), not only the connection's close. */
function framed(headers: VendorResponse['headers']): boolean {
	if (headerValue(headers, 'content-length') !== undefined) return true;
	return /chunked/i.test(headerValue(headers, 'transfer-encoding') ?? '');
}

function authenticationOptions(hooks: TransportHooks): IAdditionalCredentialOptions | undefined {
	if (!hooks.credentials && !hooks.refreshSessionOn) return undefined;
	return {
		...(hooks.credentials && {
			credentialsDecrypted: {
				id: '',
				name: hooks.credentialType,
				type: hooks.credentialType,
				data: hooks.credentials as ICredentialDataDecryptedObject,
			},
		}),
		...(hooks.refreshSessionOn && { preAuthenticationRetryStatusCode: hooks.refreshSessionOn }),
	};
}

/** The network failure behind an error, or the error as an item error when it is none. */
function failureOf(
	context: RequestContext,
	hooks: TransportHooks,
	request: VendorRequest,
	deadline: Deadline,
	error: unknown,
): NetworkFailure {
	const cut = deadline.cutShort;
	if (cut?.reason === 'too-large') throw tooLarge(context, hooks, request, cut);
	if (cut) return new NetworkFailure('ETIMEDOUT');
	const failure = networkFailure(error);
	if (failure) return failure;
	const login = certificateFailureIn(error);
	if (login) throw certificateError(context, hooks, request, login.reason);
	const message = error instanceof Error ? error.message : String(error);
	if (isCertificateFailure(message)) throw certificateError(context, hooks, request, message);
	throw new NodeOperationError(context.getNode(), redactSecrets(message, hooks.secrets), {
		itemIndex: hooks.itemIndex,
	});
}

interface StreamedReply {
	statusCode: number;
	headers?: VendorResponse['headers'];
	body: unknown;
}

function finalReply(reply: HttpReply, attempts: number, mayHaveApplied?: string): VendorResponse {
	return {
		statusCode: reply.statusCode,
		headers: reply.headers,
		body: reply.body,
		attempts,
		retryAfterMs: parseRetryAfter(headerValue(reply.headers, 'retry-after')),
		mayHaveApplied,
	};
}

/** Only status, headers and body are taken from n8n's error: the request, with its secrets, stays behind. */
function httpReplyIn(error: unknown): StreamedReply | undefined {
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
	request: VendorRequest,
	failure: NetworkFailure,
	attempts: number,
) {
	const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
	const timedOut = failure.code === 'ETIMEDOUT';
	const message = timedOut
		? `${hooks.vendor} did not answer within ${seconds(request.timeoutMs)}${tries}`
		: `Could not reach ${hooks.vendor}: ${failure.message}${tries}`;
	const limits = timedOut && hooks.limitsHint ? ` ${hooks.limitsHint}` : '';
	return apiError(context.getNode(), {
		message,
		description: `${hooks.unreachableHint}${limits}`,
		itemIndex: hooks.itemIndex,
		mayHaveApplied: !safeToRepeat(request) && failure.transient ? hooks.vendor : undefined,
	});
}

/** A TLS failure says which switch fixes it, where the vendor's credential has one. */
function certificateError(
	context: RequestContext,
	hooks: TransportHooks,
	request: VendorRequest,
	message: string,
) {
	const hasSwitch = request.skipSslCertificateValidation !== undefined;
	return apiError(context.getNode(), {
		message: `Could not verify the ${hooks.vendor} server's certificate: ${redactSecrets(message, hooks.secrets)}`,
		description: certificateAdvice(hooks.vendor, hasSwitch),
		itemIndex: hooks.itemIndex,
	});
}

function tooLarge(
	context: RequestContext,
	hooks: TransportHooks,
	request: VendorRequest,
	cut: RequestCutShort,
) {
	return apiError(context.getNode(), {
		message: `${hooks.vendor} sent a reply larger than ${megabytes(cut.limit)}; n8n stopped reading it`,
		description: `Ask for less at a time (a smaller limit or a narrower filter).${hooks.limitsHint ? ` ${hooks.limitsHint}` : ''}`,
		itemIndex: hooks.itemIndex,
		mayHaveApplied: safeToRepeat(request) ? undefined : hooks.vendor,
	});
}

function redirectError(
	context: RequestContext,
	hooks: TransportHooks,
	step: Exclude<RedirectStep, { kind: 'none' | 'follow' }> | { kind: 'follow'; url: string },
	from: string,
) {
	const origin = new URL(from).origin;
	if (step.kind === 'follow') {
		return apiError(context.getNode(), {
			message: `${hooks.vendor} redirected the request more than ${MAX_REDIRECTS} times`,
			description: `Check the address in the ${hooks.vendor} credential (${origin}).`,
			itemIndex: hooks.itemIndex,
		});
	}
	const where = step.target ? ` to ${step.target}` : '';
	const reasons = {
		'other-origin': `n8n does not send your ${hooks.vendor} credentials to another address. If the service has moved, put its new address in the credential.`,
		'method-change': `A redirect that turns this request into a GET would drop what it sends. Put the address the server expects in the ${hooks.vendor} credential.`,
		'no-location': `The redirect names no valid address. Check the address in the ${hooks.vendor} credential (${origin}).`,
		'spent-body': `The file was already sent once and is not sent again. Check in ${hooks.vendor} whether it arrived before running the item again.`,
	};
	return apiError(context.getNode(), {
		message: `${hooks.vendor} redirected the request${where} (from ${origin}); it was not followed`,
		description: reasons[step.reason],
		itemIndex: hooks.itemIndex,
	});
}

function seconds(ms: number): string {
	if (ms < 1000) return `${ms} ms`;
	return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function megabytes(bytes: number): string {
	const mb = bytes / 1024 / 1024;
	return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${bytes} bytes`;
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

function isStream(body: unknown): boolean {
	return typeof (body as { pipe?: unknown } | undefined)?.pipe === 'function';
}
