import type { IDataObject } from 'n8n-workflow';

import type { QueueInfo, QueuedCall } from '../transport/queue';
import { flattenCall } from '../transport/queue';
import type { QueueWatch, SeenCall } from './queue-record';
import { callKey, readCalls, storedQueues } from './queue-record';

export type QueueEvent = 'callEntered' | 'callLeft' | 'callWaitingLong' | 'queueSizeAbove';

/** Whether "14" watches queue 14 only, or every queue whose number starts with 14. */
export type QueueNumberMatch = 'exact' | 'prefix';

export interface WatchOptions {
	event: QueueEvent;
	/** Queue numbers (or their starts, see `match`); empty watches every queue. */
	numbers: string[];
	match?: QueueNumberMatch;
	/** Call Waiting Longer Than: reported once a call has waited strictly longer than this. */
	waitSeconds: number;
	maxSize: number;
}

/**
 * A call's entry time is kept from the poll that first saw it; it moves only when Oktell's
 * `lenqueue` disagrees by more than this (clocks apart), so time passing alone changes nothing.
 */
const ENTERED_DRIFT_SECONDS = 2;

export function watchedQueues(
	queues: QueueInfo[],
	numbers: string[],
	match: QueueNumberMatch = 'exact',
): QueueInfo[] {
	if (numbers.length === 0) return queues;
	return queues.filter((queue) => {
		const number = String(queue.numprefix ?? '');
		return numbers.some((wanted) =>
			match === 'prefix' ? number.startsWith(wanted) : number === wanted,
		);
	});
}

/**
 * The filter a record was made with: a new one starts a new baseline. Prefix filters keep the
 * first version's form, so records made before exact matching existed stay valid.
 */
function filterOf(options: WatchOptions): string {
	const list = options.numbers.join(',');
	return options.match === 'prefix' || list === '' ? list : `=${list}`;
}

/**
 * Compares the queues now with the record of the last poll, in one pass over each: O(calls).
 * Returns the events of the chosen kind and, only when something changed, the record to keep.
 * Call events keep the calls; Queue Size Above keeps only the queues above the threshold.
 */
export function diffQueues(
	watch: QueueWatch,
	queues: QueueInfo[],
	options: WatchOptions,
	now: number,
): { events: IDataObject[]; next?: QueueWatch } {
	return options.event === 'queueSizeAbove'
		? diffSizes(watch, queues, options, now)
		: diffCalls(watch, queues, options, now);
}

function diffSizes(watch: QueueWatch, queues: QueueInfo[], options: WatchOptions, now: number) {
	const filter = filterOf(options);
	const baseline = watch.above === undefined || watch.filter !== filter;
	const wasAbove = new Set(baseline ? [] : watch.above);
	const above = new Set<string>();
	const events: IDataObject[] = [];
	for (const queue of queues) {
		if (queue.queue.length <= options.maxSize) continue;
		above.add(queue.numprefix);
		if (!baseline && !wasAbove.has(queue.numprefix)) {
			const at = new Date(now).toISOString();
			events.push({
				event: 'queueSizeAbove',
				...queueSummary(queue),
				threshold: options.maxSize,
				at,
			});
		}
	}
	const unchanged =
		!baseline &&
		watch.queues === undefined &&
		watch.calls === undefined &&
		above.size === wasAbove.size &&
		[...above].every((number) => wasAbove.has(number));
	return { events, next: unchanged ? undefined : { filter, above: [...above] } };
}

function diffCalls(watch: QueueWatch, queues: QueueInfo[], options: WatchOptions, now: number) {
	const filter = filterOf(options);
	const previous = watch.filter === filter ? readCalls(watch) : undefined;
	const baseline = previous === undefined;
	const seconds = now / 1000;
	const at = new Date(now).toISOString();
	const calls = new Map<string, SeenCall>();
	const events: IDataObject[] = [];
	let changed = baseline || watch.queues === undefined || watch.above !== undefined;

	for (const queue of queues) {
		for (const call of queue.queue) {
			const key = callKey(call);
			if (calls.has(key)) continue;
			const seen = previous?.get(key);
			const waited = Number(call.lenqueue) || 0;
			const overdue = waited > options.waitSeconds;
			const alerting = options.event === 'callWaitingLong' && overdue && !seen?.alerted;
			const current = seenCall(queue, call, seen, Math.floor(seconds - waited), alerting);
			calls.set(key, current);
			changed ||= seen === undefined || !sameCall(seen, current);
			if (baseline) continue;
			if (options.event === 'callEntered' && !seen) {
				events.push({ event: 'callEntered', ...flattenCall(queue, call), at });
			}
			if (alerting) {
				events.push({
					event: 'callWaitingLong',
					thresholdSeconds: options.waitSeconds,
					...flattenCall(queue, call),
					at,
				});
			}
		}
	}

	for (const [key, seen] of previous ?? []) {
		if (calls.has(key)) continue;
		changed = true;
		if (options.event !== 'callLeft') continue;
		const waited = round(Math.max(0, seconds - seen.entered));
		events.push({
			event: 'callLeft',
			queueNumber: seen.queueNumber,
			ruleName: seen.ruleName,
			chainid: seen.chainid,
			objectid: seen.objectid,
			callerid: seen.callerid,
			calledid: seen.calledid,
			waitedSeconds: waited,
			waitedAtMostSeconds: waited,
			at,
		});
	}
	if (!changed) return { events };
	const writtenAt = Math.floor(seconds);
	return { events, next: { filter, writtenAt, queues: storedQueues(calls.values(), writtenAt) } };
}

/** The call as it stands now; `alerting` marks it alerted (at the baseline, any overdue call). */
function seenCall(
	queue: QueueInfo,
	call: QueuedCall,
	seen: SeenCall | undefined,
	entered: number,
	alerting: boolean,
): SeenCall {
	const drifted = seen === undefined || Math.abs(seen.entered - entered) > ENTERED_DRIFT_SECONDS;
	return {
		queueNumber: String(queue.numprefix),
		ruleName: String(queue.rulename ?? ''),
		chainid: String(call.chainid),
		objectid: String(call.objectid),
		callerid: String(call.callerid ?? ''),
		calledid: String(call.calledid ?? ''),
		entered: drifted ? entered : seen.entered,
		alerted: (seen?.alerted ?? false) || alerting,
	};
}

function sameCall(a: SeenCall, b: SeenCall): boolean {
	return (
		a.entered === b.entered &&
		a.alerted === b.alerted &&
		a.queueNumber === b.queueNumber &&
		a.ruleName === b.ruleName &&
		a.callerid === b.callerid &&
		a.calledid === b.calledid
	);
}

export function queueSummary(queue: QueueInfo): IDataObject {
	return {
		queueNumber: queue.numprefix,
		queueNumberId: queue.numid,
		ruleId: queue.ruleid,
		ruleName: queue.rulename,
		size: queue.queue.length,
	};
}

function round(seconds: number): number {
	return Math.round(seconds * 1000) / 1000;
}
