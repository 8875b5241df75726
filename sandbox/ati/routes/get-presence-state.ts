import type { RouteHandler } from '../../framework';
import { badRequest } from '../ati-errors';
import { isCodeId } from '../code-id';
import type { PresenceStore } from '../presence-store';

/** GET /presence/state/{code_id}/ */
export function getPresenceState(presence: PresenceStore): RouteHandler {
	return (_request, { code_id }) => {
		if (!isCodeId(code_id)) return badRequest(`'${code_id}' is not a code_id like '123456.0'`);
		return { status: 200, body: { code_id, state: presence.get(code_id) } };
	};
}
