import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { useOktell } from './oktell-fixture';

const EXAMPLE_CHAIN = 'dd8466d8-7aa3-4df1-b1b7-b933a11da518';

const summary = (items: INodeExecutionData[]) =>
	items.map((item) => [item.json.event, item.json.queueNumber, item.json.callerid]);

describe('Oktell Trigger', () => {
	const oktell = useOktell();
	const queues = () => oktell.simulator.world.queues;
	const poller = (parameters: INodeParameters, staticData = {}) =>
		oktell.harness.createPoller(oktell.trigger(parameters), staticData);

	test('Call Entered Queue: the first poll is a baseline, then each new caller is emitted once', async () => {
		const trigger = poller({ event: 'callEntered' });
		assert.deepEqual((await trigger.poll()).items, [], 'the example caller is the baseline');

		queues().addCall('14', { callerid: '+74950000001' });
		queues().addCall('15', { callerid: '+74950000002' });
		const entered = await trigger.poll();
		assert.equal(entered.error, undefined);
		assert.deepEqual(summary(entered.items), [
			['callEntered', '14', '+74950000001'],
			['callEntered', '15', '+74950000002'],
		]);
		assert.equal(entered.items[0].json.ruleName, 'Петр');
		assert.ok(entered.items[0].json.chainid);
		assert.deepEqual((await trigger.poll()).items, []);
	});

	test('a restart from the stored static data neither repeats nor loses a caller', async () => {
		const first = poller({ event: 'callEntered' });
		await first.poll();
		queues().addCall('14', { callerid: 'A' });
		assert.equal((await first.poll()).items.length, 1);

		queues().addCall('14', { callerid: 'B' });
		const restarted = poller({ event: 'callEntered' }, first.staticData);
		assert.deepEqual(summary((await restarted.poll()).items), [['callEntered', '14', 'B']]);
		assert.deepEqual((await restarted.poll()).items, []);
	});

	test('Call Left Queue reports the caller with the seconds it waited', async () => {
		const trigger = poller({ event: 'callLeft' });
		const added = queues().addCall('14', { callerid: 'A', waitedSeconds: 20 });
		await trigger.poll();
		oktell.simulator.advanceClock(5);
		await trigger.poll();
		queues().removeCall(String(added.chainid));

		const left = await trigger.poll();
		assert.deepEqual(summary(left.items), [['callLeft', '14', 'A']]);
		const waited = Number(left.items[0].json.waitedSeconds);
		assert.ok(waited >= 25 && waited < 27, `waited ${waited} s`);
		assert.ok(Number(left.items[0].json.waitedAtMostSeconds) >= waited);
		assert.equal(left.items[0].json.chainid, added.chainid);
		assert.deepEqual((await trigger.poll()).items, []);
	});

	test('Call Waiting Longer Than N Seconds fires once per call, not for callers already over N at the baseline', async () => {
		const trigger = poller({ event: 'callWaitingLong', waitSeconds: 30 });
		queues().addCall('14', { callerid: 'patient' });
		await trigger.poll();
		assert.deepEqual((await trigger.poll()).items, []);

		oktell.simulator.advanceClock(31);
		const late = await trigger.poll();
		assert.deepEqual(summary(late.items), [['callWaitingLong', '14', 'patient']]);
		assert.equal(late.items[0].json.thresholdSeconds, 30);
		oktell.simulator.advanceClock(60);
		assert.deepEqual((await trigger.poll()).items, []);
		assert.ok(
			!late.items.some((item) => item.json.chainid === EXAMPLE_CHAIN),
			'the example caller was over the limit at the baseline',
		);
	});

	test('Queue Size Above N fires each time a queue crosses up, not while it stays above', async () => {
		const trigger = poller({ event: 'queueSizeAbove', maxSize: 2 });
		await trigger.poll();
		const b = queues().addCall('14', { callerid: 'B' });
		assert.deepEqual((await trigger.poll()).items, [], 'two callers are not above two');
		queues().addCall('14', { callerid: 'C' });

		const crossed = await trigger.poll();
		assert.equal(crossed.items.length, 1);
		assert.deepEqual(
			{ ...crossed.items[0].json, at: undefined, queueNumberId: undefined, ruleId: undefined },
			{
				event: 'queueSizeAbove',
				queueNumber: '14',
				queueNumberId: undefined,
				ruleId: undefined,
				ruleName: 'Петр',
				size: 3,
				threshold: 2,
				at: undefined,
			},
		);
		queues().addCall('14', { callerid: 'D' });
		assert.deepEqual((await trigger.poll()).items, [], 'still above');

		queues().removeCall(String(b.chainid));
		queues().removeCall(EXAMPLE_CHAIN);
		assert.deepEqual((await trigger.poll()).items, [], 'dropped to two');
		queues().addCall('14', { callerid: 'E' });
		assert.equal((await trigger.poll()).items.length, 1, 'crossed up again');
	});

	test('version 1 (saved workflows) keeps matching queue numbers by prefix', async () => {
		const trigger = poller({ event: 'callEntered', queueNumbers: '15, 2' });
		await trigger.poll();
		queues().addCall('14', { callerid: 'ignored' });
		queues().addCall('15', { callerid: 'watched' });
		queues().addCall('201', { callerid: 'prefix' });
		assert.deepEqual(summary((await trigger.poll()).items), [
			['callEntered', '15', 'watched'],
			['callEntered', '201', 'prefix'],
		]);
	});

	test('version 2 watches exactly the queue numbers given, unless "Number Starts With" is chosen', async () => {
		const exact = oktell.harness.createPoller({
			...oktell.trigger({ event: 'callEntered', queueNumbers: '15, 2' }),
			typeVersion: 2,
		});
		const prefix = oktell.harness.createPoller({
			...oktell.trigger({ event: 'callEntered', queueNumbers: '2', queueNumberMatch: 'prefix' }),
			typeVersion: 2,
		});
		await exact.poll();
		await prefix.poll();
		queues().addCall('15', { callerid: 'watched' });
		queues().addCall('201', { callerid: 'longer number' });
		assert.deepEqual(summary((await exact.poll()).items), [['callEntered', '15', 'watched']]);
		assert.deepEqual(summary((await prefix.poll()).items), [
			['callEntered', '201', 'longer number'],
		]);
	});

	test('Call Left Queue for a caller who entered unreported: found after a restart when n8n keeps every poll (durable cursors)', async () => {
		// The harness keeps the record of every poll that did not fail, as n8n's durable poll cursors
		// do; without them n8n saves static data only with an execution (see the README).
		const first = poller({ event: 'callLeft' });
		await first.poll();
		const added = queues().addCall('14', { callerid: 'A' });
		assert.deepEqual((await first.poll()).items, [], 'entering is not reported');

		queues().removeCall(String(added.chainid));
		const restarted = poller({ event: 'callLeft' }, first.staticData);
		assert.deepEqual(summary((await restarted.poll()).items), [['callLeft', '14', 'A']]);
	});

	test('a failed poll keeps the record, so the change comes with the next poll', async () => {
		const trigger = poller({ event: 'callEntered' });
		await trigger.poll();
		queues().addCall('14', { callerid: 'A' });
		oktell.simulator.injectFault({ status: 500, times: 1 });

		const failed = await trigger.poll();
		assert.match(
			String(failed.error?.message),
			/Oktell answered "gettotalqueueinfo" with an error \(500\)/,
		);
		assert.deepEqual(summary((await trigger.poll()).items), [['callEntered', '14', 'A']]);
	});

	test('manual mode returns the current queue as sample items', async () => {
		const result = await oktell.harness.runTriggerManually(
			oktell.trigger({ event: 'callEntered' }),
		);
		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json.queueNumber, item.json.chainid]),
			[['14', EXAMPLE_CHAIN]],
		);
	});

	test('one poll over 10,000 queued calls stays linear', async (t) => {
		const snapshot = (offset: number) =>
			Array.from({ length: 20 }, (_, queue) => ({
				numprefix: String(100 + queue),
				rulename: `Rule ${queue}`,
				queue: Array.from({ length: 500 }, (_, index) => ({
					chainid: `chain-${offset + queue * 500 + index}`,
					objectid: `object-${offset + queue * 500 + index}`,
					callerid: String(offset + queue * 500 + index),
					lenqueue: index % 90,
				})),
			}));
		const trigger = poller({ event: 'callEntered' });
		queues().replace(snapshot(0));
		let started = performance.now();
		await trigger.poll();
		const baselineMs = performance.now() - started;

		queues().replace(snapshot(5_000));
		started = performance.now();
		const result = await trigger.poll();
		const diffMs = performance.now() - started;

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 5_000, 'half the callers are new');
		t.diagnostic(
			`10,000 queued calls: baseline poll ${baselineMs.toFixed(0)} ms, poll with 5,000 new callers ${diffMs.toFixed(0)} ms`,
		);
		assert.ok(diffMs < 10_000, `a poll took ${diffMs} ms`);
	});
});
