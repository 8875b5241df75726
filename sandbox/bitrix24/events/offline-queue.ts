import { createHash, randomBytes } from 'node:crypto';

/**
 * The portal's offline event queue, as b24restdocs `api-reference/events/offline-events.md` and
 * the `event-offline-*.md` pages describe it:
 * - `event.bind` with `event_type=offline` (and an optional `auth_connector`) queues the event
 *   instead of calling a URL; a change made by a call carrying that `auth_connector` is not
 *   queued for it ("How to Avoid Cycles"), and each connector has its own queue, read by passing
 *   the same `auth_connector` (without one, only the queue without a source is read);
 * - the queue keeps the object's current state: a change of an object already waiting updates
 *   that record's `TIMESTAMP_X` rather than adding one;
 * - `event.offline.get` with `clear=0` reserves up to `limit` records (default 50) under a
 *   `process_id` and hides them from other requests; passing that `process_id` again returns the
 *   records still reserved under it ("re-select any unprocessed records from the current
 *   process"); with `clear=1` (the default) it returns and deletes them; `error=1` returns the
 *   records marked as errors; `filter` narrows the records by `EVENT_NAME` (`=EVENT_NAME`, a name or
 *   a list of names), so a reader takes only the events it names;
 * - `event.offline.list` reads without reserving, 50 a page (`start`), in `order` (default `ID`
 *   ascending; `TIMESTAMP_X` or `ID`, `ASC` or `DESC`), with the same `filter`;
 * - `event.offline.clear` deletes the records of a `process_id` (only those of `id` or
 *   `message_id` when given); `event.offline.error` marks records of a `process_id` as errors.
 * Where the pages are silent (EVENT_DATA shows `false` in their one example), a record carries the
 * event's `data` as an online call would (`{FIELDS: {ID}}`), and a record taken for a process that
 * changes again gets a new record.
 */
export interface OfflineRecord {
	ID: string;
	TIMESTAMP_X: string;
	EVENT_NAME: string;
	EVENT_DATA: Record<string, unknown> | false;
	EVENT_ADDITIONAL: Record<string, unknown> | false;
	MESSAGE_ID: string;
	PROCESS_ID: string;
	ERROR: number;
	/** The `auth_connector` whose queue holds it ('' for none). */
	connector: string;
}

export interface OfflineBinding {
	event: string;
	connector: string;
}

export interface TakeOptions {
	connector: string;
	limit: number;
	clear: boolean;
	processId?: string;
	errors: boolean;
	/** Only these events (`filter[=EVENT_NAME]`); undefined takes every event. */
	events?: string[];
}

export class OfflineQueue {
	bindings: OfflineBinding[] = [];
	records: OfflineRecord[] = [];
	private nextId = 1;

	bind(event: string, connector: string): boolean {
		if (this.bindings.some((bound) => bound.event === event && bound.connector === connector)) {
			return false;
		}
		this.bindings.push({ event, connector });
		return true;
	}

	unbind(event: string, connector: string): number {
		const before = this.bindings.length;
		this.bindings = this.bindings.filter(
			(bound) => bound.event !== event || bound.connector !== connector,
		);
		return before - this.bindings.length;
	}

	/** Queues a change for every binding of its event, except the queue of the change's source. */
	record(event: string, data: Record<string, unknown>, source: string, at: Date): number {
		let queued = 0;
		for (const bound of this.bindings.filter((candidate) => candidate.event === event)) {
			if (source !== '' && bound.connector === source) continue;
			const messageId = messageIdOf(event, data, bound.connector);
			const waiting = this.records.find(
				(record) => record.MESSAGE_ID === messageId && record.PROCESS_ID === '' && !record.ERROR,
			);
			if (waiting) {
				waiting.TIMESTAMP_X = at.toISOString();
				waiting.EVENT_DATA = data;
			} else {
				this.records.push({
					ID: String(this.nextId++),
					TIMESTAMP_X: at.toISOString(),
					EVENT_NAME: event,
					EVENT_DATA: data,
					EVENT_ADDITIONAL: false,
					MESSAGE_ID: messageId,
					PROCESS_ID: '',
					ERROR: 0,
					connector: bound.connector,
				});
			}
			queued++;
		}
		return queued;
	}

	take(options: TakeOptions): {
		process_id: string | null;
		events: Array<Record<string, unknown>>;
	} {
		const ours = (record: OfflineRecord) =>
			record.connector === options.connector &&
			(!options.events || options.events.includes(record.EVENT_NAME));
		const processId = options.clear ? '' : (options.processId ?? hex(16));
		const reserved = options.processId
			? this.records.filter((record) => ours(record) && record.PROCESS_ID === options.processId)
			: [];
		const free = this.records
			.filter(
				(record) =>
					ours(record) && record.PROCESS_ID === '' && Boolean(record.ERROR) === options.errors,
			)
			.sort((a, b) => a.TIMESTAMP_X.localeCompare(b.TIMESTAMP_X) || Number(a.ID) - Number(b.ID));
		const taken = [...reserved, ...free].slice(0, Math.max(0, options.limit));
		if (options.clear) {
			this.records = this.records.filter((record) => !taken.includes(record));
		} else {
			for (const record of taken) record.PROCESS_ID = processId;
		}
		return {
			process_id: options.clear ? null : processId,
			events: taken.map(publicRecord),
		};
	}

	clear(processId: string, ids?: string[], messageIds?: string[]): void {
		this.records = this.records.filter(
			(record) =>
				record.PROCESS_ID !== processId ||
				(ids
					? !ids.includes(record.ID)
					: messageIds
						? !messageIds.includes(record.MESSAGE_ID)
						: false),
		);
	}

	markErrors(processId: string, messageIds: string[]): void {
		for (const record of this.records) {
			if (record.PROCESS_ID === processId && messageIds.includes(record.MESSAGE_ID)) {
				record.ERROR = 1;
				record.PROCESS_ID = '';
			}
		}
	}

	reset(): void {
		this.bindings = [];
		this.records = [];
	}
}

/** A record's fields as `event.offline.get` answers them (its page's example). */
const TAKEN_FIELDS: Array<keyof OfflineRecord> = [
	'ID',
	'TIMESTAMP_X',
	'EVENT_NAME',
	'EVENT_DATA',
	'EVENT_ADDITIONAL',
	'MESSAGE_ID',
];

const publicRecord = (record: OfflineRecord) => pick(record, TAKEN_FIELDS);

/** A record as `event.offline.list` answers it, with its reservation and error mark. */
export const listedRecord = (record: OfflineRecord) =>
	pick(record, [...TAKEN_FIELDS, 'PROCESS_ID', 'ERROR']);

function pick(record: OfflineRecord, keys: Array<keyof OfflineRecord>) {
	return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

/** One message per object and queue: the queue keeps an object's current state. */
function messageIdOf(event: string, data: Record<string, unknown>, connector: string): string {
	const fields = (data.FIELDS ?? data.FIELDS_AFTER ?? data.FIELDS_BEFORE ?? {}) as Record<
		string,
		unknown
	>;
	const key = [connector, event, fields.ENTITY_TYPE_ID ?? '', fields.ID ?? '']
		.map(String)
		.join('|');
	return createHash('md5').update(key).digest('hex');
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
