import { jsonError, type SimResponse } from '../framework';

// ATI's error body is { "error": string, "reason": string } on every status.

export function invalidToken(reason: string): SimResponse {
	return jsonError(401, 'invalid_token', reason);
}

export function badRequest(reason: string): SimResponse {
	return jsonError(400, 'bad_request', reason);
}

/** No Retry-After: ATI asks clients to back off 100, 200, 400 ms and so on by themselves. */
export function tooManyRequests(): SimResponse {
	return jsonError(429, 'too_many_requests', 'More than the allowed requests per second');
}

export function notFound(reason: string): SimResponse {
	return jsonError(404, 'not_found', reason);
}

/**
 * The loads API's error body: {Error, Reason, ErrorsList} (the v2 cargos reference; ATI reads
 * the older {error, reason} too). 409 load_conflict_error is ATI's refusal of a duplicate.
 */
export function loadError(status: number, error: string, reason: string): SimResponse {
	return { status, body: { Error: error, Reason: reason, ErrorsList: [] } };
}
