import type { RequestContext } from '../../shared/http/vendor-request';
import type { BitrixTarget } from '../transport';
import { bitrixApiRequest } from '../transport';

const APP: BitrixTarget = { mode: 'oAuth2', plan: 'standard' };

interface Bound {
	event?: unknown;
	offline?: unknown;
	auth_connector?: unknown;
}

/** The offline bindings of this source key now on the portal (`event.get`, `offline: 1`). */
async function offlineBound(context: RequestContext, connector: string): Promise<string[]> {
	const reply = await bitrixApiRequest(context, APP, { method: 'event.get', idempotent: true });
	const list = Array.isArray(reply.result) ? (reply.result as Bound[]) : [];
	return list
		.filter((bound) => Number(bound.offline) === 1)
		.filter((bound) => String(bound.auth_connector ?? '') === connector)
		.map((bound) => String(bound.event ?? '').toUpperCase());
}

/**
 * Binds each chosen event as an offline event (`event.bind`, `event_type=offline`) unless it is
 * already, and unbinds those this trigger bound before and no longer wants. Returns what is bound.
 */
export async function bindOffline(
	context: RequestContext,
	events: string[],
	connector: string,
	boundBefore: string[],
): Promise<string[]> {
	const bound = await offlineBound(context, connector);
	const source = connector ? { auth_connector: connector } : {};
	for (const event of events.filter((wanted) => !bound.includes(wanted))) {
		// Not repeated after a dropped connection: the next poll's event.get decides.
		await bitrixApiRequest(context, APP, {
			method: 'event.bind',
			params: { event, event_type: 'offline', ...source },
			idempotent: false,
		});
	}
	for (const event of boundBefore.filter((old) => !events.includes(old) && bound.includes(old))) {
		await bitrixApiRequest(context, APP, {
			method: 'event.unbind',
			params: { event, event_type: 'offline', ...source },
			idempotent: true,
		});
	}
	return events;
}
