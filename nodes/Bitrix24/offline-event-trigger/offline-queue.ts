import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { BitrixTarget } from '../transport';
import { bitrixApiRequest } from '../transport';

/**
 * Bitrix24's offline event queue (b24restdocs `api-reference/events/offline-events.md`):
 * records are reserved under a process ID with `event.offline.get` (`clear=0`), and deleted with
 * `event.offline.clear` once handled. Only a portal administrator's app may use it.
 */
const APP: BitrixTarget = { mode: 'oAuth2', plan: 'standard' };

export interface OfflineRecord {
	id: string;
	event: string;
	messageId: string;
	timestamp: string;
	data: IDataObject;
	additional?: IDataObject;
}

/** The queue as one trigger reads it: its own process ID, source key and events. */
export interface QueueReader {
	processId: string;
	connector: string;
	/** Only these events are read (`filter[=EVENT_NAME]`): another trigger's are left alone. */
	events: string[];
}

/**
 * Reserves up to `limit` of the reader's events under its process ID, in one call. The records
 * it reserved before and did not clear come back first, so a reservation is never lost with
 * n8n's memory; asking again after a dropped connection returns the same set, so the read may be
 * repeated. A second call in the same poll would only return the same reserved records again
 * ("re-select … from the current process"), so what a portal holds back waits for the next poll.
 */
export async function reserve(
	context: RequestContext,
	reader: QueueReader,
	limit: number,
	timeoutMs: number,
): Promise<OfflineRecord[]> {
	const reply = await bitrixApiRequest(context, APP, {
		method: 'event.offline.get',
		params: {
			process_id: reader.processId,
			clear: 0,
			limit,
			filter: eventFilter(reader),
			...connectorParam(reader),
		},
		effect: 'write',
		// The same process_id gets the records it reserved again ("re-select"): safe to repeat.
		repeatable: true,
		timeoutMs,
	});
	return recordsIn(reply.result).slice(0, limit);
}

/**
 * The newest of the reader's queued events, read without reserving (`event.offline.list`, newest
 * change first), for the editor's test run.
 */
export async function newest(
	context: RequestContext,
	reader: QueueReader,
	timeoutMs: number,
): Promise<OfflineRecord | undefined> {
	const reply = await bitrixApiRequest(context, APP, {
		method: 'event.offline.list',
		params: {
			filter: eventFilter(reader),
			order: { TIMESTAMP_X: 'DESC', ID: 'DESC' },
			...connectorParam(reader),
		},
		effect: 'read',
		timeoutMs,
	});
	return recordsIn(reply.result)[0];
}

/** Deletes handled records by their own IDs (a later change of the same object keeps its own). */
export async function clear(
	context: RequestContext,
	reader: QueueReader,
	ids: string[],
	timeoutMs: number,
): Promise<void> {
	if (ids.length === 0) return;
	await bitrixApiRequest(context, APP, {
		method: 'event.offline.clear',
		params: { process_id: reader.processId, id: ids },
		effect: 'write',
		repeatable: true,
		timeoutMs,
	});
}

/** Marks records that cannot be handled, so they stay in the portal's queue for a person to see. */
export async function markErrors(
	context: RequestContext,
	reader: QueueReader,
	messageIds: string[],
	timeoutMs: number,
): Promise<void> {
	if (messageIds.length === 0) return;
	await bitrixApiRequest(context, APP, {
		method: 'event.offline.error',
		params: { process_id: reader.processId, message_id: messageIds },
		effect: 'write',
		repeatable: true,
		timeoutMs,
	});
}

const eventFilter = (reader: QueueReader) => ({ '=EVENT_NAME': reader.events });

const connectorParam = (reader: QueueReader) =>
	reader.connector ? { auth_connector: reader.connector } : {};

function recordsIn(result: unknown): OfflineRecord[] {
	const list = Array.isArray(result)
		? result
		: result && typeof result === 'object'
			? (result as IDataObject).events
			: undefined;
	if (!Array.isArray(list)) return [];
	return list
		.filter((entry): entry is IDataObject => Boolean(entry) && typeof entry === 'object')
		.map((entry) => ({
			id: String(entry.ID ?? ''),
			event: String(entry.EVENT_NAME ?? '').toUpperCase(),
			messageId: String(entry.MESSAGE_ID ?? ''),
			timestamp: String(entry.TIMESTAMP_X ?? ''),
			data: isPlainObject(entry.EVENT_DATA) ? entry.EVENT_DATA : {},
			...(isPlainObject(entry.EVENT_ADDITIONAL) ? { additional: entry.EVENT_ADDITIONAL } : {}),
		}));
}
