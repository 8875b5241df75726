import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import type { INode, INodeParameters, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { QueueInfo } from '../../nodes/Oktell/transport/queue';
import { diffQueues } from '../../nodes/Oktell/trigger/queue-events';
import type { QueueWatch, SeenCall, StoredQueue } from '../../nodes/Oktell/trigger/queue-record';
import { packCall, replaceWatch, unpackCall } from '../../nodes/Oktell/trigger/queue-record';
import { useOktell } from './oktell-fixture';

const EXAMPLE_CHAIN = 'dd8466d8-7aa3-4df1-b1b7-b933a11da518';
const EXAMPLE_OBJECT = '263fb71f-88d2-4787-b16c-e22559336030';
const NODE_KEY = 'node:Node Under Test';

/** 1,000 callers in 10 queues, as Oktell numbers them: UUID ids, 12-character phone numbers. */
function callCentre(callers: number) {
	return Array.from({ length: 10 }, (_, queue) => ({
		numprefix: String(100 + queue),
		rulename: `Sales line ${queue}`,
		queue: Array.from({ length: callers / 10 }, (_, index) => ({
			chainid: randomUUID(),
			objectid: randomUUID(),
			callerid: `+7495${String(1_000_000 + queue * 1000 + index)}`,
			calledid: String(100 + queue),
			lenqueue: (index * 7) % 900,
		})),
	}));
}

describe('Oktell Trigger: the record it keeps', () => {
	const oktell = useOktell();
	const queues = () => oktell.simulator.world.queues;
	const poller = (parameters: INodeParameters, staticData = {}) =>
		oktell.harness.createPoller(oktell.trigger(parameters), staticData);

	test('the record takes at most 64 bytes per queued caller (1,000 callers, some already alerted)', async (t) => {
		queues().replace(callCentre(1_000));
		const trigger = poller({ event: 'callWaitingLong', waitSeconds: 300 });
		await trigger.poll();

		const bytes = Buffer.byteLength(JSON.stringify(trigger.staticData));
		t.diagnostic(`static data for 1,000 callers: ${bytes} bytes, ${bytes / 1_000} per caller`);
		assert.ok(bytes / 1_000 <= 64, `${bytes / 1_000} bytes per caller`);
	});

	test('Queue Size Above keeps the queues above the threshold, not their callers', async () => {
		queues().replace(callCentre(1_000));
		const trigger = poller({ event: 'queueSizeAbove', maxSize: 50 });
		await trigger.poll();
		const record = trigger.staticData[NODE_KEY] as QueueWatch;
		assert.deepEqual(record.above?.length, 10);
		assert.equal(record.queues, undefined);
	});

	test('a poll where nobody came or went leaves the stored static data as it was', async () => {
		const trigger = poller({ event: 'callLeft' });
		queues().addCall('14', { callerid: 'A', waitedSeconds: 20 });
		await trigger.poll();
		const before = JSON.stringify(trigger.staticData);
		oktell.simulator.advanceClock(1);
		assert.deepEqual((await trigger.poll()).items, []);
		assert.equal(JSON.stringify(trigger.staticData), before);
	});

	test("an unchanged poll does not touch n8n's static data object, so n8n has nothing to save", () => {
		const node = { name: 'Oktell Trigger' } as INode;
		const workflow = new Workflow({
			nodes: [],
			connections: {},
			active: true,
			nodeTypes: {} as INodeTypes,
			staticData: {},
		});
		const snapshot = structuredClone(queues().snapshot()) as QueueInfo[];
		const options = { event: 'callLeft' as const, numbers: [], waitSeconds: 60, maxSize: 5 };
		const poll = (now: number) => {
			const watch = workflow.getStaticData('node', node) as QueueWatch;
			const { next } = diffQueues(watch, snapshot, options, now);
			if (next) replaceWatch(watch, next);
		};
		poll(Date.now());
		const stored = JSON.stringify(workflow.staticData);
		workflow.staticData.__dataChanged = false;

		for (const call of snapshot[0].queue) call.lenqueue += 30;
		poll(Date.now() + 30_000);
		assert.equal(workflow.staticData.__dataChanged, false);
		assert.equal(JSON.stringify(workflow.staticData), stored);
	});

	test('a record kept by the first version is read after an upgrade: nobody is repeated or lost', async () => {
		const seenAt = Date.now() - 10_000;
		const firstVersion = {
			[NODE_KEY]: {
				filter: '',
				above: [],
				calls: {
					[`${EXAMPLE_CHAIN}|${EXAMPLE_OBJECT}`]: {
						queueNumber: '14',
						ruleName: 'Петр',
						chainid: EXAMPLE_CHAIN,
						objectid: EXAMPLE_OBJECT,
						callerid: '21',
						calledid: '14',
						waited: 30,
						seenAt,
						alerted: true,
					},
				},
			},
		};
		const entered = poller({ event: 'callEntered' }, firstVersion);
		queues().addCall('14', { callerid: 'B' });
		assert.deepEqual(
			(await entered.poll()).items.map((item) => item.json.callerid),
			['B'],
		);

		const left = poller({ event: 'callLeft' }, firstVersion);
		queues().removeCall(EXAMPLE_CHAIN);
		const [gone] = (await left.poll()).items;
		assert.equal(gone.json.chainid, EXAMPLE_CHAIN);
		assert.ok(Number(gone.json.waitedSeconds) >= 40, `waited ${gone.json.waitedSeconds}`);
		const record = left.staticData[NODE_KEY] as QueueWatch;
		assert.deepEqual(Object.keys(record).sort(), ['filter', 'queues', 'writtenAt']);
	});

	test('a packed call gives back its ids and numbers, whatever characters they hold', () => {
		const queue: StoredQueue = { number: '14', rule: 'Петр', calls: [] };
		const calls: SeenCall[] = [
			{
				queueNumber: '14',
				ruleName: 'Петр',
				chainid: EXAMPLE_CHAIN,
				objectid: EXAMPLE_OBJECT,
				callerid: '+74950000001',
				calledid: '14',
				entered: 1_700_000_000,
				alerted: true,
			},
			{
				queueNumber: '14',
				ruleName: 'Петр',
				chainid: 'chain 7 %20',
				objectid: 'DD8466D8-7AA3-4DF1-B1B7-B933A11DA518',
				callerid: '',
				calledid: '',
				entered: 1_699_999_000,
				alerted: false,
			},
			{
				queueNumber: '14',
				ruleName: 'Петр',
				chainid: EXAMPLE_CHAIN,
				objectid: EXAMPLE_OBJECT,
				callerid: 'Anonymous %',
				calledid: '+7 495 000',
				entered: 1_700_000_100,
				alerted: false,
			},
		];
		for (const call of calls) {
			assert.deepEqual(unpackCall(packCall(call, 1_700_000_100), queue, 1_700_000_100), call);
		}
	});
});
