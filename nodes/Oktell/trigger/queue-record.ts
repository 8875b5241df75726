import type { IDataObject } from 'n8n-workflow';

/** What the trigger knows of a queued call between polls. */
export interface SeenCall {
	queueNumber: string;
	ruleName: string;
	chainid: string;
	objectid: string;
	callerid: string;
	calledid: string;
	/** When the call entered its queue, in whole epoch seconds (rounded down). */
	entered: number;
	/** Already reported as waiting longer than the threshold. */
	alerted: boolean;
}

/** The queued calls of one queue, each packed by `packCall`. */
export interface StoredQueue extends IDataObject {
	number: string;
	rule: string;
	calls: string[];
}

/** The record of the first version: one object per call, keyed by `chainid|objectid`. */
interface FirstRecordCall extends IDataObject {
	queueNumber: string;
	ruleName: string;
	chainid: string;
	objectid: string;
	callerid: string;
	calledid: string;
	waited: number;
	seenAt: number;
	alerted: boolean;
}

/**
 * The trigger's static data. n8n writes it to its database whenever it is assigned to, so it is
 * packed (a few dozen bytes per queued call) and only assigned when something changed.
 */
export interface QueueWatch extends IDataObject {
	/** The queue filter the record was made with; a new filter starts a new baseline. */
	filter?: string;
	/** Queue Size Above: the queue numbers above the threshold at the last poll. */
	above?: string[];
	/** Call events: epoch seconds the stored ages count back from (when the record was written). */
	writtenAt?: number;
	queues?: StoredQueue[];
	/** The first version's record, read once after an upgrade. */
	calls?: Record<string, FirstRecordCall>;
	/** Orders this record and its copy in Redis (queue mode), see TriggerRecordMirror. */
	revision?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PACKED_UUIDS = 44;
const ESCAPED = /[% ]/g;
const ESCAPE = /%(20|25)/g;

export function callKey(call: { chainid: unknown; objectid: unknown }): string {
	return `${String(call.chainid)}|${String(call.objectid)}`;
}

const escape = (text: string) => text.replace(ESCAPED, (char) => (char === ' ' ? '%20' : '%25'));
const unescape = (text: string) => text.replace(ESCAPE, (_, code) => (code === '20' ? ' ' : '%'));
const packUuid = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');

function unpackUuid(packed: string): string {
	const hex = Buffer.from(packed, 'base64url').toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One call in one string: the two ids (as 44 base64url characters when both are lowercase UUIDs,
 * else `~chain object`), its age at `writtenAt` in base 36, `!` once alerted, the caller id, and
 * the called id only where it is not the queue number. Spaces separate; `%` and spaces in a
 * value are escaped as `%25` and `%20`.
 */
export function packCall(call: SeenCall, writtenAt: number): string {
	const ids =
		UUID.test(call.chainid) && UUID.test(call.objectid)
			? packUuid(call.chainid) + packUuid(call.objectid)
			: `~${escape(call.chainid)} ${escape(call.objectid)} `;
	const age = Math.max(0, writtenAt - call.entered).toString(36) + (call.alerted ? '!' : '');
	const called = call.calledid === call.queueNumber ? '' : ` ${escape(call.calledid)}`;
	return `${ids}${age} ${escape(call.callerid)}${called}`;
}

export function unpackCall(packed: string, queue: StoredQueue, writtenAt: number): SeenCall {
	let chainid: string;
	let objectid: string;
	let rest: string[];
	if (packed.startsWith('~')) {
		const [chain, object, ...tail] = packed.slice(1).split(' ');
		[chainid, objectid, rest] = [unescape(chain), unescape(object), tail];
	} else {
		chainid = unpackUuid(packed.slice(0, PACKED_UUIDS / 2));
		objectid = unpackUuid(packed.slice(PACKED_UUIDS / 2, PACKED_UUIDS));
		rest = packed.slice(PACKED_UUIDS).split(' ');
	}
	const [age, callerid = '', calledid] = rest;
	return {
		queueNumber: queue.number,
		ruleName: queue.rule,
		chainid,
		objectid,
		callerid: unescape(callerid),
		calledid: calledid === undefined ? queue.number : unescape(calledid),
		entered: writtenAt - parseInt(age, 36),
		alerted: age.endsWith('!'),
	};
}

/** The calls of the record by `callKey`, or undefined when it holds none (no baseline yet). */
export function readCalls(watch: QueueWatch): Map<string, SeenCall> | undefined {
	const calls = new Map<string, SeenCall>();
	if (watch.queues !== undefined) {
		const writtenAt = watch.writtenAt ?? 0;
		for (const queue of watch.queues) {
			for (const packed of queue.calls) {
				const call = unpackCall(packed, queue, writtenAt);
				calls.set(callKey(call), call);
			}
		}
		return calls;
	}
	if (watch.calls === undefined) return undefined;
	for (const [key, { waited, seenAt, ...call }] of Object.entries(watch.calls)) {
		calls.set(key, { ...call, entered: Math.floor(seenAt / 1000 - waited) });
	}
	return calls;
}

/** The calls grouped by queue, in the order they came. */
export function storedQueues(calls: Iterable<SeenCall>, writtenAt: number): StoredQueue[] {
	const queues = new Map<string, StoredQueue>();
	for (const call of calls) {
		const group = `${call.queueNumber}\n${call.ruleName}`;
		let queue = queues.get(group);
		if (!queue) {
			queue = { number: call.queueNumber, rule: call.ruleName, calls: [] };
			queues.set(group, queue);
		}
		queue.calls.push(packCall(call, writtenAt));
	}
	return [...queues.values()];
}

/** Makes `watch` hold exactly `next`, in place (n8n keeps the object it handed out). */
export function replaceWatch(watch: QueueWatch, next: QueueWatch): void {
	for (const key of Object.keys(watch)) if (!(key in next)) delete watch[key];
	Object.assign(watch, next);
}
