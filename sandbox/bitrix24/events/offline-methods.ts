import { MethodError } from '../bitrix-errors';
import type { MethodContext, MethodResult } from '../methods';
import { adminOnly, appOnly, required } from './method-checks';
import type { OfflineRecord } from './offline-queue';
import { listedRecord } from './offline-queue';
import { outboundEventsOf } from './outbound-events';

/** `event.bind` / `event.unbind` with `event_type=offline` (b24restdocs `api-reference/events/event-bind.md`). */
export const isOffline = ({ params }: MethodContext) =>
	String(params.event_type ?? params.EVENT_TYPE ?? '').toLowerCase() === 'offline';

const connectorOf = ({ params }: MethodContext) => String(params.auth_connector ?? '').trim();

const eventOf = (context: MethodContext) => {
	const event = required(context.params.event ?? context.params.EVENT, 'event').toUpperCase();
	if (!/^ON[A-Z0-9_]+$/.test(event)) {
		throw new MethodError(400, 'ERROR_EVENT_NOT_FOUND', 'Event not found');
	}
	return event;
};

/** A list parameter as PHP reads it: `id[]=1&id[]=2` arrives as an object keyed 0, 1, … */
function listOf(value: unknown): string[] | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (Array.isArray(value)) return value.map(String);
	if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(String);
	return [String(value)];
}

/** `filter[=EVENT_NAME]` (or `filter[EVENT_NAME]`): one name or a list; other fields are not kept here. */
function eventFilterOf(filter: unknown): string[] | undefined {
	if (!filter || typeof filter !== 'object') return undefined;
	const given = filter as Record<string, unknown>;
	return listOf(given['=EVENT_NAME'] ?? given.EVENT_NAME)?.map((name) => name.toUpperCase());
}

/** `order[TIMESTAMP_X]=DESC` and the like; the page's default is `ID` ascending. */
function orderOf(order: unknown): (a: OfflineRecord, b: OfflineRecord) => number {
	const [field, direction] =
		order && typeof order === 'object' ? (Object.entries(order)[0] ?? []) : [];
	const sign = String(direction ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
	const byId = (a: OfflineRecord, b: OfflineRecord) => Number(a.ID) - Number(b.ID);
	if (field === 'TIMESTAMP_X') {
		return (a, b) => sign * (a.TIMESTAMP_X.localeCompare(b.TIMESTAMP_X) || byId(a, b));
	}
	return (a, b) => sign * byId(a, b);
}

const LIST_PAGE = 50;

const flag = (value: unknown, fallback: boolean) =>
	value === undefined || value === '' ? fallback : ['1', 'true', 'Y'].includes(String(value));

function queueMethod(context: MethodContext, method: string) {
	appOnly(context, method);
	adminOnly(context);
	return outboundEventsOf(context.portal).offline;
}

export const OFFLINE_METHODS = {
	bind: (context: MethodContext): MethodResult => {
		adminOnly(
			context,
			'Access denied! Offline events binding requires administrator access rights',
		);
		const event = eventOf(context);
		if (!outboundEventsOf(context.portal).offline.bind(event, connectorOf(context))) {
			throw new MethodError(400, 'ERROR_CORE', 'Handler already binded');
		}
		return { result: true };
	},
	unbind: (context: MethodContext): MethodResult => ({
		result: {
			count: outboundEventsOf(context.portal).offline.unbind(
				eventOf(context),
				connectorOf(context),
			),
		},
	}),
	get: (context: MethodContext): MethodResult => {
		const queue = queueMethod(context, 'event.offline.get');
		const { params } = context;
		const limit = Number(params.limit ?? 50);
		const processId = String(params.process_id ?? '').trim();
		return {
			result: queue.take({
				connector: connectorOf(context),
				limit: Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : 50,
				clear: flag(params.clear, true),
				processId: processId === '' ? undefined : processId,
				errors: flag(params.error, false),
				events: eventFilterOf(params.filter),
			}),
		};
	},
	list: (context: MethodContext): MethodResult => {
		const queue = queueMethod(context, 'event.offline.list');
		const connector = connectorOf(context);
		const events = eventFilterOf(context.params.filter);
		const start = Math.max(0, Number(context.params.start ?? 0) || 0);
		const matching = queue.records
			.filter((record) => record.connector === connector)
			.filter((record) => !events || events.includes(record.EVENT_NAME))
			.sort(orderOf(context.params.order));
		const page = matching.slice(start, start + LIST_PAGE);
		return {
			result: page.map(listedRecord),
			total: matching.length,
			...(start + LIST_PAGE < matching.length ? { next: start + LIST_PAGE } : {}),
		};
	},
	clear: (context: MethodContext): MethodResult => {
		const queue = queueMethod(context, 'event.offline.clear');
		const processId = required(context.params.process_id, 'process_id');
		queue.clear(processId, listOf(context.params.id), listOf(context.params.message_id));
		return { result: true };
	},
	error: (context: MethodContext): MethodResult => {
		const queue = queueMethod(context, 'event.offline.error');
		const processId = required(context.params.process_id, 'process_id');
		queue.markErrors(processId, listOf(context.params.message_id) ?? []);
		return { result: true };
	},
};
