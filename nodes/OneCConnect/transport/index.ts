import { apiError } from '../../shared/errors/node-errors';
import { basicAuthSecret } from '../../shared/errors/redact';
import { quoteStart } from '../../shared/http/reply-body';
import { expectShape } from '../../shared/http/reply-shape';
import type { RetryPolicy } from '../../shared/http/retry-policy';
import { defaultRetryPolicy } from '../../shared/http/retry-policy';
import { serverUrlFrom } from '../../shared/http/server-url';
import type { RequestContext } from '../../shared/http/vendor-request';
import { sendVendorRequest } from '../../shared/http/vendor-request';
import { sharedRead } from '../../shared/execution/shared-reads';
import type { XdtoJson } from '../xdto/codec';
import { XdtoError } from '../xdto/codec';
import { REGION_URLS, endpointOf } from './endpoint';
import type { SoapCall, SoapReply } from './soap-envelope';
import { buildEnvelope, fromResultData, soapActionOf } from './soap-envelope';
import { SoapReplySink } from './soap-reply-sink';
import { runCredentials } from '../../shared/execution/run-credentials';

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
export const OUT_OF_LIMIT = 'OUT_OF_LIMIT';
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

export interface OneCRequest extends SoapCall {
	/** Reads are safe to send again after a dropped connection; writes are not. */
	idempotent: boolean;
	itemIndex?: number;
	/** The caller handles a spent hourly limit itself (the trigger skips the poll). */
	limitSpentIsFine?: boolean;
	/** The ResultData must be a ValueTable (rows) or nil; anything else is an error quoting the reply. */
	expectsTable?: boolean;
	/** The deadline of one attempt; 120 s unless the node's Timeout option says otherwise. */
	timeoutMs?: number;
	/** The largest reply read, in bytes; MAX_REPLY_BYTES unless an option says otherwise. */
	maxReplyBytes?: number;
	/** Changes nothing: within one run, identical reads are sent once and their result shared. */
	readOnly?: boolean;
}

/** A reply that is no SOAP Fault, with the start of its (redacted) text for messages. */
export type OneCReply = Exclude<SoapReply, { kind: 'fault' }> & { text: string };

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
	// A success is decoded as it streams in; an error reply is read whole, then decoded the same way.
	let sink: SoapReplySink | undefined;
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
			idempotent: request.idempotent,
			replySink: (status) =>
				(sink =
					status >= 200 && status < 300
						? new SoapReplySink(request.operation, secrets)
						: undefined),
		},
	);

	const status = response.statusCode;
	const succeeded = status >= 200 && status < 300;
	const write = !request.idempotent;
	if (status === 401 || status === 403) {
		throw apiError(context.getNode(), {
			message: `1C-Connect refused the API login (${status})`,
			description:
				'Check the API login and password in the 1C-Connect credential (Personal account → Administration → API settings).',
			httpCode: status,
			itemIndex: request.itemIndex,
		});
	}
	const reader = sink ?? wholeReply(request.operation, secrets, response.body);
	const text = reader.text;
	let reply: SoapReply;
	try {
		reply = reader.reply();
	} catch (error) {
		const problem = error instanceof XdtoError ? error.message : String(error);
		// A 200 the node cannot read was still processed; a 5xx the transport judged already.
		const mayHaveApplied = succeeded && write ? VENDOR : response.mayHaveApplied;
		throw apiError(context.getNode(), {
			message: succeeded
				? problem
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
	if (reply.kind === 'fault') {
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
	return { ...reply, text };
}

function wholeReply(operation: string, secrets: unknown[], body: Buffer): SoapReplySink {
	const reader = new SoapReplySink(operation, secrets);
	if (reader.write(body)) reader.end();
	return reader;
}

/** Calls an operation and returns its ResultData; any ResultCode other than SUCCESS is an error. */
export async function oneCApiRequest(
	context: RequestContext,
	request: OneCRequest,
): Promise<XdtoJson> {
	if (!request.readOnly) return await oneCApiRequestOnce(context, request);
	const identity = {
		vendor: VENDOR,
		credentialType: ONE_C_CREDENTIAL,
		method: 'POST',
		url: request.operation,
		body: buildEnvelope(request),
		limits: [request.timeoutMs, request.expectsTable],
	};
	const result = await sharedRead(
		context,
		identity,
		request.itemIndex,
		async () => await oneCApiRequestOnce(context, request),
	);
	// Each item gets its own copy: its rows become that item's output.
	return structuredClone(result);
}

async function oneCApiRequestOnce(
	context: RequestContext,
	request: OneCRequest,
): Promise<XdtoJson> {
	const result = await oneCApiRequestWithinLimit(context, request);
	if (result === LIMIT_SPENT) {
		throw resultCodeError(
			context,
			request.operation,
			OUT_OF_LIMIT,
			'limit reached',
			request.itemIndex,
		);
	}
	return result;
}

export const LIMIT_SPENT = Symbol('OUT_OF_LIMIT');

/** Like oneCApiRequest, but with `limitSpentIsFine` a spent hourly limit answers LIMIT_SPENT. */
export async function oneCApiRequestWithinLimit(
	context: RequestContext,
	request: OneCRequest,
): Promise<XdtoJson | typeof LIMIT_SPENT> {
	const reply = await oneCSoapCall(context, request);
	if (reply.kind === 'plain') {
		return request.expectsTable ? tableOf(context, request, reply, reply.value) : reply.value;
	}
	if (reply.resultCode === OUT_OF_LIMIT && request.limitSpentIsFine) return LIMIT_SPENT;
	if (reply.resultCode !== 'SUCCESS') {
		throw resultCodeError(
			context,
			request.operation,
			reply.resultCode,
			reply.resultData,
			request.itemIndex,
		);
	}
	if (request.expectsTable) return tableOf(context, request, reply, reply.resultData);
	return reply.resultData;
}

/** The rows of a read's ValueTable (nil: none), or that item's error quoting the reply. */
function tableOf(
	context: RequestContext,
	request: OneCRequest,
	reply: OneCReply,
	data: XdtoJson,
): XdtoJson {
	if (data === null) return [];
	return expectShape<XdtoJson>(() => context.getNode(), data, 'list of objects', {
		vendor: VENDOR,
		what: request.operation,
		text: fromResultData(reply.text),
		itemIndex: request.itemIndex,
		write: !request.idempotent,
	});
}

export function resultCodeError(
	context: RequestContext,
	operation: string,
	resultCode: string,
	resultData: XdtoJson,
	itemIndex?: number,
): ReturnType<typeof apiError> {
	const detail = typeof resultData === 'string' ? resultData : JSON.stringify(resultData);
	return apiError(context.getNode(), {
		message: `${operation} failed: ${resultCode}: ${detail}`,
		description:
			resultCode === OUT_OF_LIMIT
				? `The hourly limit of ${operation} calls for this API login is spent (it is shared by everything using the login). Retrying within this hour does not help: wait until the next hour, or call less often.`
				: 'Check the parameters named in the message against the 1C-Connect personal account.',
		itemIndex,
		vendorReply: { ResultCode: resultCode, ResultData: detail },
	});
}
