import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { QueueInfo } from '../../nodes/Oktell/transport/queue';
import type { WatchOptions } from '../../nodes/Oktell/trigger/queue-events';
import { diffQueues, watchedQueues } from '../../nodes/Oktell/trigger/queue-events';
import type { QueueWatch } from '../../nodes/Oktell/trigger/queue-record';

const options: WatchOptions = { event: 'callLeft', numbers: [], waitSeconds: 60, maxSize: 5 };

function queuesOf(calls: number, offset = 0): QueueInfo[] {
	return Array.from({ length: 10 }, (_, queue) => ({
		numid: `q${queue}`,
		numprefix: String(queue),
		ruleid: `r${queue}`,
		rulename: '',
		queue: Array.from({ length: calls / 10 }, (_, index) => {
			const id = offset + queue * (calls / 10) + index;
			return { chainid: `c${id}`, objectid: `o${id}`, lenqueue: 1 };
		}),
	}));
}

function timeDiff(calls: number): number {
	const baseline = diffQueues({}, queuesOf(calls), options, 0).next as QueueWatch;
	const changed = queuesOf(calls, calls / 2);
	const runs = [0, 1, 2, 3, 4].map(() => {
		const watch: QueueWatch = structuredClone(baseline);
		const started = performance.now();
		diffQueues(watch, changed, options, 1000);
		return performance.now() - started;
	});
	return runs.sort((a, b) => a - b)[2];
}

describe('Oktell Trigger: the queue diff', () => {
	test('it compares 40,000 queued calls in one linear pass (prints 10,000 vs 40,000)', (t) => {
		timeDiff(10_000);
		const small = timeDiff(10_000);
		const large = timeDiff(40_000);
		t.diagnostic(
			`diff of 10,000 calls ${small.toFixed(1)} ms, of 40,000 calls ${large.toFixed(1)} ms`,
		);
		// Linear work is tens of milliseconds here; a search per call (quadratic) takes seconds.
		assert.ok(large < 2_000, `40,000 calls took ${large} ms, 10,000 took ${small} ms`);
	});

	test('a call listed twice in one snapshot (same chain and object) counts once', () => {
		const baseline = diffQueues({}, queuesOf(10), { ...options, event: 'callEntered' }, 0)
			.next as QueueWatch;
		const doubled = queuesOf(10);
		doubled[0].queue.push({ chainid: 'new', objectid: 'x', lenqueue: 0 });
		doubled[1].queue.push({ chainid: 'new', objectid: 'x', lenqueue: 0 });
		const { events } = diffQueues(baseline, doubled, { ...options, event: 'callEntered' }, 1);
		assert.deepEqual(
			events.map((event) => event.chainid),
			['new'],
		);
	});

	test('a changed queue filter starts a new baseline instead of reporting the others as left', () => {
		const baseline = diffQueues({}, queuesOf(10), options, 0).next as QueueWatch;
		const { events, next } = diffQueues(
			baseline,
			queuesOf(10).slice(0, 1),
			{ ...options, numbers: ['0'] },
			1,
		);
		assert.deepEqual(events, []);
		assert.equal(next?.filter, '=0');
	});

	test('Queue Numbers match whole numbers by default; "Number Starts With" also takes longer ones', () => {
		const queues = ['14', '140', '2', '214'].map((numprefix) => ({
			numid: numprefix,
			numprefix,
			ruleid: '',
			rulename: '',
			queue: [],
		}));
		const numbers = (list: QueueInfo[]) => list.map((queue) => queue.numprefix);
		assert.deepEqual(numbers(watchedQueues(queues, ['14', '2'])), ['14', '2']);
		assert.deepEqual(numbers(watchedQueues(queues, ['14', '2'], 'exact')), ['14', '2']);
		assert.deepEqual(numbers(watchedQueues(queues, ['14', '2'], 'prefix')), [
			'14',
			'140',
			'2',
			'214',
		]);
		assert.deepEqual(numbers(watchedQueues(queues, [])), ['14', '140', '2', '214']);
	});

	test('a record made by the first version (prefix filter) stays valid with prefix matching', () => {
		const prefixes = { ...options, numbers: ['0'], match: 'prefix' as const };
		const record = diffQueues({}, queuesOf(10).slice(0, 1), prefixes, 0).next as QueueWatch;
		assert.equal(record.filter, '0', 'the first version kept the bare list');
		const exact = diffQueues(record, queuesOf(10).slice(0, 1), { ...options, numbers: ['0'] }, 1);
		assert.equal(exact.next?.filter, '=0', 'switching to exact matching starts a new baseline');
	});

	test('Call Waiting Longer Than 60 fires after 60 s, not at exactly 60 s', () => {
		const waiting = (lenqueue: number): QueueInfo[] => [
			{
				numid: 'q',
				numprefix: '14',
				ruleid: '',
				rulename: '',
				queue: [{ chainid: 'c', objectid: 'o', lenqueue }],
			},
		];
		const long = { ...options, event: 'callWaitingLong' as const, waitSeconds: 60 };
		const baseline = diffQueues({}, [], long, 0).next as QueueWatch;
		const atSixty = diffQueues(baseline, waiting(60), long, 60_000);
		assert.deepEqual(atSixty.events, []);
		const afterSixty = diffQueues(atSixty.next ?? baseline, waiting(61), long, 61_000);
		assert.deepEqual(
			afterSixty.events.map((event) => [event.event, event.thresholdSeconds]),
			[['callWaitingLong', 60]],
		);
	});
});
