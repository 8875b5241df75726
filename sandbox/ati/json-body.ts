import type { SimRequest } from '../framework';

/** The JSON object body of a request, or the reason it is refused. */
export function readJsonObject(request: SimRequest): Record<string, unknown> | string {
	const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	if (mediaType !== 'application/json') return 'Content-Type must be application/json';
	let body: unknown;
	try {
		body = request.json();
	} catch (error) {
		return (error as Error).message;
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return 'The body must be a JSON object';
	}
	return body as Record<string, unknown>;
}
