import type { RequestContext } from '../../shared/http/vendor-request';
import type { BitrixTarget } from '../transport';
import { bitrixApiRequest } from '../transport';

const APP: BitrixTarget = { mode: 'oAuth2', plan: 'standard' };

/** What this trigger bound, and under which source key: kept in its static data. */
export interface OfflineBindings {
	events: string[];
	connector: string;
}

interface Listed {
	event?: unknown;
	offline?: unknown;
	auth_connector?: unknown;
}

/**
 * The offline bindings the portal lists (`event.get`). Its page names event, handler, auth_type
 * and offline, not the source key: a binding that names none counts as this trigger's when the
 * trigger bound that event under its key before; one that names another key never does.
 */
async function boundHere(
	context: RequestContext,
	connector: string,
	before: OfflineBindings | undefined,
): Promise<string[]> {
	const reply = await bitrixApiRequest(context, APP, { method: 'event.get', effect: 'read' });
	const list = Array.isArray(reply.result) ? (reply.result as Listed[]) : [];
	const ours = (event: string, listed: Listed) =>
		listed.auth_connector === undefined
			? before?.connector === connector && before.events.includes(event)
			: String(listed.auth_connector) === connector;
	return list
		.filter((listed) => Number(listed.offline) === 1)
		.map((listed) => ({ listed, event: String(listed.event ?? '').toUpperCase() }))
		.filter(({ listed, event }) => ours(event, listed))
		.map(({ event }) => event);
}

/**
 * Binds each chosen event as an offline event (`event.bind`, `event_type=offline`) unless it is
 * bound already, and unbinds what this trigger bound before and no longer wants: events taken off
 * the list, and every event of a source key it no longer uses. Returns what is bound now.
 */
export async function bindOffline(
	context: RequestContext,
	events: string[],
	connector: string,
	before: OfflineBindings | undefined,
): Promise<OfflineBindings> {
	if (before && before.connector !== connector) {
		for (const event of before.events) await unbind(context, event, before.connector);
	}
	const bound = await boundHere(context, connector, before);
	for (const event of events.filter((wanted) => !bound.includes(wanted))) {
		await bind(context, event, connector);
	}
	if (before?.connector === connector) {
		for (const event of before.events.filter((old) => !events.includes(old))) {
			await unbind(context, event, connector);
		}
	}
	return { events, connector };
}

const sourceOf = (connector: string) => (connector ? { auth_connector: connector } : {});

async function bind(context: RequestContext, event: string, connector: string): Promise<void> {
	// Not repeated after a dropped connection: the portal's "already bound" answers the next try.
	const sent = bitrixApiRequest(context, APP, {
		method: 'event.bind',
		params: { event, event_type: 'offline', ...sourceOf(connector) },
		effect: 'write',
	});
	// Bound by an earlier activation, or by another trigger under the same key: it is bound.
	await sent.then(
		() => undefined,
		async (error: unknown) =>
			error instanceof Error && /already bind/i.test(error.message)
				? undefined
				: await Promise.reject(error),
	);
}

/** Unbinding twice changes nothing, so it may be sent again after a dropped connection. */
async function unbind(context: RequestContext, event: string, connector: string): Promise<void> {
	await bitrixApiRequest(context, APP, {
		method: 'event.unbind',
		params: { event, event_type: 'offline', ...sourceOf(connector) },
		effect: 'write',
		repeatable: true,
	});
}
