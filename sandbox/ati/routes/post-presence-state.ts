import type { RouteHandler, SimRequest } from '../../framework';
import { badRequest } from '../ati-errors';
import { isCodeId } from '../code-id';
import type { PresenceStore } from '../presence-store';

const MAX_CODE_IDS_PER_REQUEST = 100;

/** POST /presence/state with a JSON array of code_id strings; answers in request order. */
export function postPresenceState(presence: PresenceStore): RouteHandler {
	return (request) => {
		const codeIds = readCodeIds(request);
		if (typeof codeIds === 'string') return badRequest(codeIds);
		return {
			status: 200,
			body: codeIds.map((code_id) => ({ code_id, state: presence.get(code_id) })),
		};
	};
}

/** The code_ids, or the reason the body is refused. */
function readCodeIds(request: SimRequest): string[] | string {
	const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	if (mediaType !== 'application/json') return 'Content-Type must be application/json';

	let body: unknown;
	try {
		body = request.json();
	} catch (error) {
		return (error as Error).message;
	}

	if (!Array.isArray(body)) return 'The body must be a JSON array of code_id strings';
	if (body.length > MAX_CODE_IDS_PER_REQUEST) {
		return `At most ${MAX_CODE_IDS_PER_REQUEST} code_id values per request, got ${body.length}`;
	}
	const invalid = body.find((codeId) => !isCodeId(codeId));
	if (invalid !== undefined) {
		return `${JSON.stringify(invalid)} is not a code_id string like '123456.0'`;
	}
	return body as string[];
}
