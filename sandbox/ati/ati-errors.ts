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
 * A load that ATI's duplicate rules match (ati.su/developers/api/loads, "Дубликаты и объединение
 * грузов"). The page names the rules but not the reply: the simulator answers 400 with the usual
 * {error, reason} body and error "duplicate_load", and the node keys on that error code.
 */
export function duplicateLoad(existingNumber: string, existingId: string): SimResponse {
	return jsonError(
		400,
		'duplicate_load',
		`The load duplicates load ${existingNumber} (${existingId}) already published by the firm`,
	);
}
