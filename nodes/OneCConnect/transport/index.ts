import type { NodeApiError } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { basicAuthSecret } from '../../shared/errors/redact';
import { sharedRead } from '../../shared/execution/shared-reads';
import { runCredentials } from '../../shared/execution/run-credentials';
import type { Effect } from '../../shared/http/effect';
import { quoteStart } from '../../shared/http/reply-body';
import type { RetryPolicy } from '../../shared/http/retry-policy';
import { defaultRetryPolicy } from '../../shared/http/retry-policy';
import { serverUrlFrom } from '../../shared/http/server-url';
import type { RequestContext, VendorResponse } from '../../shared/http/vendor-request';
import { sendVendorRequest } from '../../shared/http/vendor-request';
import type { XdtoJson } from '../xdto/codec';
import { XdtoError } from '../xdto/codec';
import { REGION_URLS, endpointOf } from './endpoint';
import type { OneCReply, OneCResult } from './result-reader';
import { readResult } from './result-reader';
import type { SoapCall, SoapReply } from './soap-envelope';
import { buildEnvelope, soapActionOf } from './soap-envelope';
import { SoapReplySink } from './soap-reply-sink';

export type { OneCReply, OneCResult } from './result-reader';
export { OUT_OF_LIMIT, readResult, resultCodeError } from './result-reader';

export const ONE_C_CREDENTIAL = 'oneCConnectApi';
const VENDOR = '1C-Connect';
export const DEFAULT_TIMEOUT_SECONDS = 120;
/**
 * Replies are decoded while they stream in, so the cap bounds reading time, not a copy of the
 * body: 64 MB is about twice a ClientRead of 50,000 clients (ClientRead has no paging), and the
 * rows decoded from it take about as much memory as n8n needs for them as items anyway.
 */
export const MAX_REPLY_BYTES = 64 * 1024 * 1024;
const LIMITS_HINT =
	'If 1C-Connect is only slow, raise "Timeout (Seconds)" in the node\'s options. Replies larger than 64 MB are not read.';
/** Per-item reads sent at once; writes and batches go one at a time. */
export const ONE_C_READ_CONCURRENCY = 2;

/** Only gateway errors are retried: an OUT_OF_LIMIT reply is HTTP 200 and retrying does not help. */
const oneCRetryPolicy: RetryPolicy = { ...defaultRetryPolicy, maxTotalWaitMs: 20_000 };

interface OneCCredentials {
	region: string;
	customUrl?: string;
	login: string;
	password: string;
}

interface OneCCall extends SoapCall {
	itemIndex?: number;
	/** The ResultData must be a ValueTable (rows) or nil; anything else is an error quoting the reply. */
	expectsTable?: boolean;
	/** The deadline of one attempt; 120 s unless the node's Timeout option says otherwise. */
	timeoutMs?: number;
	/** The largest reply read, in bytes; MAX_REPLY_BYTES unless an option says otherwise. */
	maxReplyBytes?: number;
}

/**
 * What the call does. A read is sent again after a gateway error or a dropped connection, and
 * within one run identical reads are sent once and their result shared; a write is sent once.
 */
interface EffectOfCall {
	effect: Effect;
}

export type OneCRequest = OneCCall & EffectOfCall;

/**
 * SOAP 1.1 §4.4.1: a `Client` (1.2: `Sender`) fault means the message itself was refused, so
 * nothing was done; a `Server` fault arises while the operation ran, and 1C writes each row as it
 * goes, so a write may have been partly applied.
 */
function faultRefusedTheMessage(faultCode: string): boolean {
	return /(^|:)(Client|Sender)(\.|$)/.test(faultCode.trim());
}

/** The password as is and as sent (HTTP Basic); redactSecrets also covers its XML-escaped form. */
function secretsOf(credentials: OneCCredentials): string[] {
	const password = String(credentials.password ?? '');
	return [password, basicAuthSecret(credentials.login, password)];
}

/** Sends one SOAP call and returns the decoded reply, whatever its ResultCode. */
export async function oneCSoapCall(
	context: RequestContext,
	request: OneCRequest,
): Promise<OneCReply> {
	const credentials = await runCredentials<OneCCredentials>(context, ONE_C_CREDENTIAL);
	const url = serverUrlFrom(
		() => context.getNode(),
		endpointOf(credentials),
		{ vendor: VENDOR, field: 'Custom URL', example: REGION_URLS.russia },
		request.itemIndex,
	);
	const secrets = secretsOf(credentials);
	const write = request.effect === 'write';
	// A success is decoded as it streams in (by the last attempt's reader); an error reply is read
	// whole, then decoded the same way.
	let streamed: SoapReplySink | undefined;
	const response = await sendVendorRequest(
		context,
		{
			credentialType: ONE_C_CREDENTIAL,
			credentials,
			vendor: VENDOR,
			retryPolicy: oneCRetryPolicy,
			secrets,
			unreachableHint: `Check the region or custom URL in the 1C-Connect credential (${url}) and the network, then try again.`,
			limitsHint: LIMITS_HINT,
			itemIndex: request.itemIndex,
		},
		{
			method: 'POST',
			url,
			headers: {
				'Content-Type': 'text/xml; charset=utf-8',
				SOAPAction: soapActionOf(request.operation),
				Accept: 'text/xml',
			},
			body: buildEnvelope(request),
			timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000,
			maxReplyBytes: request.maxReplyBytes ?? MAX_REPLY_BYTES,
			effect: request.effect,
			replySink: (status) =>
				(streamed =
					status >= 200 && status < 300
						? new SoapReplySink(request.operation, secrets)
						: undefined),
		},
	);

	const status = response.statusCode;
	if (status === 401 || status === 403) {
		throw apiError(context.getNode(), {
			message: `1C-Connect refused the API login (${status})`,
			description:
				'Check the API login and password in the 1C-Connect credential (Personal account → Administration → API settings).',
			httpCode: status,
			itemIndex: request.itemIndex,
		});
	}
	const reader = streamed ?? SoapReplySink.whole(request.operation, secrets, response.body);
	const text = reader.text;
	let reply: SoapReply;
	try {
		reply = reader.reply();
	} catch (error) {
		throw unreadableReply(context, request, response, text, error);
	}
	if (reply.kind !== 'fault') return { ...reply, text };
	throw apiError(context.getNode(), {
		message: `1C-Connect could not run ${request.operation}: ${reply.message}`,
		description:
			'The service raised a SOAP Fault: check the parameters of the operation. If they are right, the fault is on 1C-Connect’s side.',
		httpCode: status,
		itemIndex: request.itemIndex,
		vendorReply: { faultcode: reply.code, faultstring: reply.message },
		mayHaveApplied: write && !faultRefusedTheMessage(reply.code) ? VENDOR : undefined,
	});
}

/** A reply that is no envelope the node can read: a 200 was still processed, a 5xx judged already. */
function unreadableReply(
	context: RequestContext,
	request: OneCRequest,
	response: VendorResponse,
	text: string,
	error: unknown,
): NodeApiError {
	const status = response.statusCode;
	const succeeded = status >= 200 && status < 300;
	const mayHaveApplied = succeeded && request.effect === 'write' ? VENDOR : response.mayHaveApplied;
	return apiError(context.getNode(), {
		message: succeeded
			? error instanceof XdtoError
				? error.message
				: String(error)
			: `1C-Connect answered with an error (${status}): ${quoteStart(text)}`,
		description:
			status >= 500 || succeeded
				? `The fault is on 1C-Connect's side (or a proxy's in between)${mayHaveApplied ? '.' : '; try again later.'}`
				: 'Check the URL in the 1C-Connect credential: it must be the PartnerWebAPI2 web service.',
		httpCode: status,
		itemIndex: request.itemIndex,
		mayHaveApplied,
	});
}

/** Sends a call and reads its outcome: its ResultData, or the hourly quota spent. */
export async function oneCCall(context: RequestContext, request: OneCRequest): Promise<OneCResult> {
	const reply = await oneCSoapCall(context, request);
	const read = { ...request, write: request.effect === 'write' };
	return readResult(context, read, reply);
}

/** Calls an operation and returns its ResultData; any ResultCode other than SUCCESS is an error. */
export async function oneCApiRequest(
	context: RequestContext,
	request: OneCRequest,
): Promise<XdtoJson> {
	const call = async () => {
		const result = await oneCCall(context, request);
		if ('quotaSpent' in result) throw result.quotaSpent;
		return result.data;
	};
	if (request.effect !== 'read') return await call();
	const identity = {
		vendor: VENDOR,
		credentialType: ONE_C_CREDENTIAL,
		method: 'POST',
		url: request.operation,
		body: buildEnvelope(request),
		limits: [request.timeoutMs, request.expectsTable],
	};
	// Each item gets its own copy: its rows become that item's output.
	return structuredClone(await sharedRead(context, identity, request.itemIndex, call));
}
