import type { IDataObject } from 'n8n-workflow';

import type { QueueInfo, QueuedCall } from '../transport/queue';
import { flattenCall } from '../transport/queue';

export type QueueEvent = 'callEntered' | 'callLeft' | 'callWaitingLong' | 'queueSizeAbove';

/** What the trigger remembers of a queued call between polls (kept small: static data). */
export interface SeenCall extends IDataObject {
	queueNumber: string;
	ruleName: string;
	chainid: string;
	objectid: string;
	callerid: string;
	calledid: string;
	/** `lenqueue` at the last poll that saw the call. */
	waited: number;
	seenAt: number;
	/** Already reported as waiting longer than the threshold. */
	alerted: boolean;
}

export interface QueueWatch extends IDataObject {
	calls?: Record<string, SeenCall>;
	/** Queue numbers whose size was above the threshold at the last poll. */
	above?: string[];
	/** The queue filter the record was made with; a new filter starts a new baseline. */
	filter?: string;
}

export interface WatchOptions {
	event: QueueEvent;
	/** Queue number prefixes; empty watches every queue. */
	prefixes: string[];
	waitSeconds: number;
	maxSize: number;
}

/** A queued call's identity: the chain and the queued object, together unique in a snapshot. */
export function callKey(call: QueuedCall): string {
	return `${call.chainid}|${call.objectid}`;
}

export function watchedQueues(queues: QueueInfo[], prefixes: string[]): QueueInfo[] {
	if (prefixes.length === 0) return queues;
	return queues.filter((queue) =>
		prefixes.some((prefix) => String(queue.numprefix ?? '').startsWith(prefix)),
	);
}

/**
 * Compares the queues now with the record of the last poll, in one pass over each: O(calls).
 * Returns the events of the chosen kind and the record to keep.
 */
export function diffQueues(
	watch: QueueWatch,
	queues: QueueInfo[],
	options: WatchOptions,
	now: number,
): { events: IDataObject[]; next: QueueWatch } {
	const filter = options.prefixes.join(',');
	const baseline = watch.calls === undefined || watch.filter !== filter;
	const previous = baseline ? {} : (watch.calls as Record<string, SeenCall>);
	const wasAbove = new Set(baseline ? [] : (watch.above ?? []));
	const calls: Record<string, SeenCall> = {};
	const above: string[] = [];
	const events: IDataObject[] = [];
	const at = new Date(now).toISOString();

	for (const queue of queues) {
		const size = queue.queue.length;
		if (size > options.maxSize) {
			above.push(queue.numprefix);
			if (!baseline && options.event === 'queueSizeAbove' && !wasAbove.has(queue.numprefix)) {
				events.push({
					event: 'queueSizeAbove',
					...queueSummary(queue),
					threshold: options.maxSize,
					at,
				});
			}
		}
		for (const call of queue.queue) {
			const key = callKey(call);
			if (key in calls) continue;
			const seen = previous[key];
			const waited = Number(call.lenqueue) || 0;
			const overdue = waited >= options.waitSeconds;
			calls[key] = {
				queueNumber: String(queue.numprefix),
				ruleName: String(queue.rulename ?? ''),
				chainid: String(call.chainid),
				objectid: String(call.objectid),
				callerid: String(call.callerid ?? ''),
				calledid: String(call.calledid ?? ''),
				waited,
				seenAt: now,
				alerted: (seen?.alerted ?? false) || overdue,
			};
			if (baseline) continue;
			if (options.event === 'callEntered' && !seen) {
				events.push({ event: 'callEntered', ...flattenCall(queue, call), at });
			}
			if (options.event === 'callWaitingLong' && overdue && !(seen?.alerted ?? false)) {
				events.push({
					event: 'callWaitingLong',
					thresholdSeconds: options.waitSeconds,
					...flattenCall(queue, call),
					at,
				});
			}
		}
	}

	if (!baseline && options.event === 'callLeft') {
		for (const [key, seen] of Object.entries(previous)) {
			if (key in calls) continue;
			events.push({
				event: 'callLeft',
				queueNumber: seen.queueNumber,
				ruleName: seen.ruleName,
				chainid: seen.chainid,
				objectid: seen.objectid,
				callerid: seen.callerid,
				calledid: seen.calledid,
				waitedSeconds: round(seen.waited),
				waitedAtMostSeconds: round(seen.waited + Math.max(0, now - seen.seenAt) / 1000),
				at,
			});
		}
	}
	return { events, next: { calls, above, filter } };
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
