import type { INode, JsonObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { quoteStart } from '../../shared/http/reply-body';

/** ERA's error codes, from the vendor's error page. */
const ERROR_NAMES: Record<number, string> = {
	1401: 'access_denied',
	1402: 'already_exists',
	1403: 'not_implemented',
	1404: 'not_found',
	1405: 'invalid_request',
	1406: 'invalid_operation',
	1407: 'unauthorized',
	1408: 'not_loaded',
	1409: 'operation_failed',
	1410: 'limited',
	1411: 'license_restriction',
	1412: 'config_restriction',
	1413: 'invalid_params',
	1414: 'timeout',
	10201: 'wait',
};

export interface EraErrorReply {
	error_code: number;
	error_message: string;
	error_details?: { timer?: unknown } & JsonObject;
}

/** `{error_code, error_message}` from a reply text, or undefined when it is something else. */
export function readEraError(text: string): EraErrorReply | undefined {
	try {
		const parsed = JSON.parse(text) as Partial<EraErrorReply>;
		if (parsed && typeof parsed === 'object' && typeof parsed.error_code === 'number') {
			return {
				...parsed,
				error_code: parsed.error_code,
				error_message: typeof parsed.error_message === 'string' ? parsed.error_message : '',
			};
		}
	} catch {
		return undefined;
	}
	return undefined;
}

/** Keyed on `error_code`, as ERA asks, with the HTTP status only as a fallback. */
function advice(code: number | undefined, status: number, timer: number | undefined): string {
	if (code === 10201) {
		const wait = timer ? ` Wait ${timer} s` : ' Wait a few minutes';
		return `ERA blocks this address after 5 failed logins in 3 minutes.${wait}, and check the domain, login and password in the ERA credential.`;
	}
	if (code === 1404 || status === 404)
		return 'Check the ID, code or token: ERA has no such object in this domain.';
	if (code === 1402)
		return 'An integration point with this code or ID already exists; choose another.';
	if (code === 1413 || code === 1405 || status === 400)
		return 'Check the fields sent against the ERA integration point fields.';
	if (code === 1401 || code === 1411 || code === 1412 || status === 403)
		return "The ERA user may lack the rights or license for this; check the user's role in ERA.";
	if (code === 1407 || status === 401)
		return 'ERA rejected the session even after logging in again; check the login and its rights in ERA.';
	if (code === 1410) return 'ERA limits this operation; try again later.';
	if (status >= 500) return "The fault is on the ERA server's side; try again later.";
	return 'Check the node parameters against the ERA API.';
}

/**
 * An ERA error reply as a node error. `mayHaveApplied` (the vendor's name, from the transport)
 * marks a write answered with a server error: the message then says to check before repeating.
 */
export function eraHttpError(
	node: INode,
	status: number,
	text: string,
	itemIndex?: number,
	mayHaveApplied?: string,
) {
	const reply = readEraError(text);
	const timer = Number(reply?.error_details?.timer);
	const wait = Number.isFinite(timer) && timer > 0 ? Math.ceil(timer) : undefined;
	const message = reply
		? `ERA answered with error ${reply.error_code}${ERROR_NAMES[reply.error_code] ? ` (${ERROR_NAMES[reply.error_code]})` : ''}: ${reply.error_message || '(no message)'}`
		: `ERA answered with HTTP ${status}: ${quoteStart(text)}`;
	return apiError(node, {
		message,
		description: advice(reply?.error_code, status, wait),
		httpCode: status,
		itemIndex,
		vendorReply: reply as unknown as JsonObject | undefined,
		mayHaveApplied,
	});
}
