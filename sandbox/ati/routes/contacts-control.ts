import type { RouteHandler } from '../../framework';
import { badRequest } from '../ati-errors';
import type { PresenceStore } from '../presence-store';

/** GET /__control/ati/contacts: every known code_id with its state. */
export function listContacts(presence: PresenceStore): RouteHandler {
	return () => ({ status: 200, body: presence.list() });
}

/** POST /__control/ati/contacts with { "123456.0": "online", ... }: sets those states. */
export function updateContacts(presence: PresenceStore): RouteHandler {
	return (request) => {
		try {
			const states = request.json();
			if (typeof states !== 'object' || states === null || Array.isArray(states)) {
				return badRequest('The body must be an object of code_id to state');
			}
			presence.set(states as Record<string, unknown>);
		} catch (error) {
			return badRequest((error as Error).message);
		}
		return { status: 200, body: presence.list() };
	};
}
