import type { IHttpRequestMethods } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { basicAuthSecret, redactSecrets } from '../../shared/errors/redact';
import { sharedRead } from '../../shared/execution/shared-reads';
import {
	decodeReplyText,
	parseJsonReply,
	quoteStart,
	readReplyText,
} from '../../shared/http/reply-body';
import type { RetryPolicy } from '../../shared/http/retry-policy';
import { defaultRetryPolicy } from '../../shared/http/retry-policy';
import { serverUrlFrom } from '../../shared/http/server-url';
import type { Effect } from '../../shared/http/effect';
import { safeToRepeat } from '../../shared/http/safe-to-repeat';
import type { RequestContext, VendorResponse } from '../../shared/http/vendor-request';
import { sendVendorRequest } from '../../shared/http/vendor-request';
import { readUntrustedXml } from '../../shared/xml/untrusted-xml';
import type { PropertySet } from './xml-mapper';
import { XML_LISTS, propertySets } from './xml-mapper';
import { runCredentials } from '../../shared/execution/run-credentials';

export const OKTELL_CREDENTIAL = 'oktellApi';
export const VENDOR = 'Oktell';
const TIMEOUT_MS = 30_000;
/**
 * Items in flight at once for reads (and for commands under Continue On Fail). Oktell documents
 * no limit; a server on the customer's premises also serves its operators, so we stay modest.
 */
export const OKTELL_CONCURRENCY = 4;
const LIMITS_HINT = 'Raise "Timeout (Seconds)" in the node\'s options if the server is just slow.';

/**
 * Reads are retried on gateway errors and dropped connections. Commands that act (start a call,
 * run a script, upload) are repeated only when the server said it did not take them (429, 503):
 * a 502/504 from a proxy may hide a command that already ran.
 */
const oktellRetryPolicy: RetryPolicy = {
	...defaultRetryPolicy,
	isRefusal: (statusCode) => statusCode === 429 || statusCode === 503,
};
/** XML and JSON replies; downloads set their own limit (Max Download Size). */
const MAX_REPLY_BYTES = 20 * 1024 * 1024;

interface OktellCredentials {
	serverUrl: string;
	login: string;
	password: string;
	ignoreSslIssues?: boolean;
}

export type QueryValue = string | number | boolean | undefined;

export interface OktellRequest {
	/** The command as the vendor names it, with any path after it: `getversion`, `download/rec/ABC`. */
	command: string;
	qs?: Record<string, QueryValue>;
	method?: IHttpRequestMethods;
	headers?: Record<string, string>;
	body?: Buffer;
	/** A read is sent again after a dropped connection, and identical reads of a run share one reply. */
	effect: Effect;
	/** A write that changes nothing more when sent again: repeated like a read, never shared. */
	repeatable?: boolean;
	/** False for downloads: their bodies are too large to keep for the rest of the run. */
	shareReply?: boolean;
	timeoutMs?: number;
	maxReplyBytes?: number;
	/** Names the options that raise the limits; by default the Timeout option. */
	limitsHint?: string;
	itemIndex?: number;
}

export interface OktellReply {
	statusCode: number;
	headers: VendorResponse['headers'];
	body: Buffer;
	/** Credential values to remove from any text of the reply. */
	secrets: unknown[];
}

export async function oktellRequest(
	context: RequestContext,
	request: OktellRequest,
): Promise<OktellReply> {
	if (request.effect !== 'read' || request.shareReply === false) {
		return await sendOktellRequest(context, request);
	}
	const identity = {
		vendor: VENDOR,
		credentialType: OKTELL_CREDENTIAL,
		method: request.method ?? 'GET',
		url: request.command,
		qs: definedOnly(request.qs),
		limits: [request.timeoutMs, request.maxReplyBytes],
	};
	return await sharedRead(
		context,
		identity,
		request.itemIndex,
		async () => await sendOktellRequest(context, request),
	);
}

async function sendOktellRequest(
	context: RequestContext,
	request: OktellRequest,
): Promise<OktellReply> {
	const credentials = await runCredentials<OktellCredentials>(
		context,
		OKTELL_CREDENTIAL,
		request.itemIndex,
	);
	const serverUrl = serverUrlFrom(
		() => context.getNode(),
		credentials.serverUrl,
		{ vendor: VENDOR, field: 'Server URL', example: 'http://192.168.0.1:4055' },
		request.itemIndex,
	);
	const secrets = [credentials.password, basicAuthSecret(credentials.login, credentials.password)];
	const response = await sendVendorRequest(
		context,
		{
			credentialType: OKTELL_CREDENTIAL,
			credentials,
			vendor: VENDOR,
			retryPolicy: oktellRetryPolicy,
			secrets,
			unreachableHint: `Check the Server URL in the Oktell credential (${serverUrl}), that the Oktell service is running and that its web server port is open, then try again.`,
			limitsHint: request.limitsHint ?? LIMITS_HINT,
			itemIndex: request.itemIndex,
		},
		{
			method: request.method ?? 'GET',
			url: `${serverUrl}/${request.command}`,
			qs: definedOnly(request.qs),
			headers: request.headers,
			body: request.body,
			timeoutMs: request.timeoutMs ?? TIMEOUT_MS,
			maxReplyBytes: request.maxReplyBytes ?? MAX_REPLY_BYTES,
			effect: request.effect,
			repeatable: request.repeatable,
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		},
	);
	if (response.statusCode >= 200 && response.statusCode < 300) return { ...response, secrets };
	const text = redactSecrets(decodeReplyText(response.body), secrets);
	const { message, description } = explain(
		response.statusCode,
		quoteStart(text),
		request.command,
		response.mayHaveApplied !== undefined,
	);
	throw apiError(context.getNode(), {
		message,
		description,
		httpCode: response.statusCode,
		itemIndex: request.itemIndex,
		mayHaveApplied: response.mayHaveApplied,
	});
}

/** The reply as text, decoded by its byte-order mark, never by what it declares. */
export async function oktellText(context: RequestContext, request: OktellRequest): Promise<string> {
	return replyText(context, await oktellRequest(context, request), request);
}

/**
 * A successful reply's text, without the credential's secrets should the server echo them; UTF-16
 * that is cut short or garbled is a clear error. After a command, the error says it may have run:
 * the server answered 2xx.
 */
export function replyText(
	context: RequestContext,
	reply: OktellReply,
	request: Pick<OktellRequest, 'effect' | 'repeatable' | 'itemIndex'>,
): string {
	const text = readReplyText(reply.body, VENDOR);
	if (text.ok) return redactSecrets(text.value, reply.secrets);
	throw apiError(context.getNode(), {
		message: text.problem,
		description: 'The reply was damaged on the way or by the server; try again later.',
		itemIndex: request.itemIndex,
		mayHaveApplied: safeToRepeat(request) ? undefined : VENDOR,
	});
}

export interface XmlReply {
	text: string;
	xml: Record<string, unknown>;
}

/**
 * Each item parses its own reply, shared or not: a small reply parses in microseconds, less than
 * copying a parsed one, and no item can change what another reads.
 */
export async function oktellXml(
	context: RequestContext,
	request: OktellRequest,
): Promise<XmlReply> {
	const reply = await oktellRequest(context, request);
	const text = replyText(context, reply, request);
	return { text, xml: parseXml(context, text, request.itemIndex) };
}

export function parseXml(
	context: RequestContext,
	text: string,
	itemIndex?: number,
): Record<string, unknown> {
	const reply = readUntrustedXml(text, VENDOR, { alwaysArray: XML_LISTS });
	if (reply.ok) return reply.value;
	throw apiError(context.getNode(), {
		message: reply.problem,
		description:
			'Oktell answered with something other than the XML this command returns; check the server version and try again.',
		itemIndex,
	});
}

export async function oktellJson(
	context: RequestContext,
	request: OktellRequest,
): Promise<unknown> {
	const text = await oktellText(context, request);
	const reply = parseJsonReply(text, VENDOR);
	if (reply.ok) return reply.value;
	throw apiError(context.getNode(), {
		message: reply.problem,
		description:
			'Oktell answered with something other than the JSON this command returns; check the server version and try again.',
		itemIndex: request.itemIndex,
	});
}

function explain(status: number, quoted: string, command: string, mayHaveApplied: boolean) {
	if (status === 401 || status === 403) {
		return {
			message: `Oktell refused the login (${status})`,
			description:
				"Check the login and password in the Oktell credential, and that the user's role has the privilege to run Web-API requests (Administration → Roles).",
		};
	}
	if (status === 404) {
		return {
			message: `Oktell found nothing for "${command}" (404): ${quoted}`,
			description:
				'Check the names, IDs and paths given to the node: the user, line, workplace, file or script may not exist on this server.',
		};
	}
	return {
		message: `Oktell answered "${command}" with an error (${status}): ${quoted}`,
		description:
			status < 500
				? 'Check the node parameters against the Oktell Web-API.'
				: mayHaveApplied
					? "The fault is on the Oktell server's side; check its logs."
					: "The fault is on the Oktell server's side; check its logs or try again later.",
	};
}

function definedOnly(qs: Record<string, QueryValue> | undefined) {
	if (!qs) return undefined;
	const entries = Object.entries(qs).filter(([, value]) => value !== undefined && value !== '');
	return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

/** The property sets of an `oktellxmlmapper` reply, or a clear error quoting what came instead. */
export async function oktellMapper(
	context: RequestContext,
	request: OktellRequest,
): Promise<{ text: string; sets: PropertySet[] }> {
	const { text, xml } = await oktellXml(context, request);
	return { text, sets: mapperSets(context, text, xml, request.itemIndex) };
}

export function mapperSets(
	context: RequestContext,
	text: string,
	xml: Record<string, unknown>,
	itemIndex?: number,
): PropertySet[] {
	const sets = propertySets(xml);
	if (sets) return sets;
	throw apiError(context.getNode(), {
		message: `Oktell sent XML without the expected <oktellxmlmapper> root: ${quoteStart(text)}`,
		description: 'Check that the Server URL points at the Oktell Web-API port (4055 by default).',
		itemIndex,
	});
}
