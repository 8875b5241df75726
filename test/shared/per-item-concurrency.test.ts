import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { PerItemOptions } from '../../nodes/shared/execution/per-item';
import { runPerItem } from '../../nodes/shared/execution/per-item';
import { sharedRead } from '../../nodes/shared/execution/shared-reads';

const node: INode = {
	id: 'node',
	name: 'Node',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { testApi: { id: 'credential-1', name: 'Test' } },
};

/** What n8n hands `execute`: one context for all the items of a run. */
function contextFor(
	count: number,
	continueOnFail = false,
	maxParallel?: unknown,
	credentialId = 'credential-1',
) {
	const withCredential = { ...node, credentials: { testApi: { id: credentialId, name: 'Test' } } };
	return {
		getInputData: () => Array.from({ length: count }, (_, index) => ({ json: { index } })),
		continueOnFail: () => continueOnFail,
		getNode: () => withCredential,
		getNodeParameter: (name: string, _itemIndex: number, fallback: unknown) =>
			name === 'options.maxParallelRequests' && maxParallel !== undefined ? maxParallel : fallback,
	} as unknown as IExecuteFunctions;
}

/** Runs items whose handlers wait for a turn of the event loop, recording what ran at once. */
async function runRecorded(
	context: IExecuteFunctions,
	options: PerItemOptions,
	{ fails = [] as number[], waits = (itemIndex: number) => (itemIndex % 3) * 2 } = {},
) {
	let inFlight = 0;
	let maxInFlight = 0;
	const started: number[] = [];
	const overlapping: Array<[number, number]> = [];
	const running = new Set<number>();
	const run = runPerItem(
		context,
		async (itemIndex) => {
			started.push(itemIndex);
			for (const other of running) overlapping.push([other, itemIndex]);
			running.add(itemIndex);
			maxInFlight = Math.max(maxInFlight, ++inFlight);
			for (let turn = 0; turn < waits(itemIndex); turn++) await new Promise(setImmediate);
			inFlight--;
			running.delete(itemIndex);
			if (fails.includes(itemIndex)) throw new NodeOperationError(node, `item ${itemIndex} failed`);
			return { itemIndex };
		},
		options,
	);
	const outcome = await run.then(
		(items) => ({ items, error: undefined }),
		(error: NodeOperationError) => ({ items: [], error }),
	);
	return { ...outcome, started, maxInFlight, overlapping };
}

describe('Per-item loop: bounded concurrency', () => {
	test('items run at most `concurrency` at once, and the output keeps input order and pairing', async () => {
		const result = await runRecorded(contextFor(20), { concurrency: 4 });

		assert.equal(result.maxInFlight, 4);
		assert.deepEqual(
			result.items.map((item) => [item.json.itemIndex, item.pairedItem]),
			Array.from({ length: 20 }, (_, index) => [index, { item: index }]),
		);
	});

	test('without options the items run one after another, as before', async () => {
		const result = await runRecorded(contextFor(6), {});
		assert.equal(result.maxInFlight, 1);
		assert.deepEqual(result.started, [0, 1, 2, 3, 4, 5]);
	});

	test('the first item runs alone, so a wrong credential fails once and not once per slot', async () => {
		const result = await runRecorded(contextFor(8, false, undefined, 'never-used'), {
			concurrency: 4,
		});
		assert.equal(
			result.overlapping.some((pair) => pair.includes(0)),
			false,
		);
	});

	test('once a run with the credentials had no failure, the next starts every item at once; a failure undoes that', async () => {
		const firstAlone = (result: { overlapping: Array<[number, number]> }) =>
			!result.overlapping.some((pair) => pair.includes(0));
		const run = (fails: number[] = []) =>
			runRecorded(
				contextFor(8, true, undefined, 'proven'),
				{ concurrency: 4 },
				{ fails, waits: () => 2 },
			);

		assert.equal(firstAlone(await run()), true);
		assert.equal(firstAlone(await run([5])), false);
		assert.equal(firstAlone(await run()), true, 'after a failed item the first runs alone again');
		assert.equal(firstAlone(await run()), false);
		const other = await runRecorded(
			contextFor(8, false, undefined, 'other'),
			{ concurrency: 4 },
			{ waits: () => 2 },
		);
		assert.equal(firstAlone(other), true, 'proven credentials are told apart by id');
	});

	test("the Max Parallel Requests option replaces the operation's concurrency", async () => {
		const raised = await runRecorded(contextFor(30, false, 12), { concurrency: 4 });
		assert.equal(raised.maxInFlight, 12);
		const lowered = await runRecorded(contextFor(10, false, 1), { concurrency: 4 });
		assert.equal(lowered.maxInFlight, 1);
		const writes = await runRecorded(contextFor(10, false, 12), {
			concurrency: 4,
			effect: 'write',
		});
		assert.equal(writes.maxInFlight, 1);
	});

	test('a Max Parallel Requests that is not a whole number of at least 1 fails before any item runs', async () => {
		for (const value of [0, 2.5, 'many']) {
			const result = await runRecorded(contextFor(3, false, value), { concurrency: 4 });
			assert.deepEqual(result.started, []);
			assert.match(result.error?.message ?? '', /Max Parallel Requests must be a whole number/);
		}
	});

	test('writes run one at a time without Continue On Fail, whatever the concurrency', async () => {
		const result = await runRecorded(contextFor(10), { concurrency: 4, effect: 'write' });
		assert.equal(result.maxInFlight, 1);
	});

	test('writes run side by side under Continue On Fail', async () => {
		const result = await runRecorded(contextFor(10, true), { concurrency: 4, effect: 'write' });
		assert.equal(result.maxInFlight, 4);
	});

	test('items with the same order key run one after another in input order, others beside them', async () => {
		const lines = ['a', 'b', 'a', 'c', 'a', 'b', 'a'];
		const result = await runRecorded(
			contextFor(lines.length, true),
			{ concurrency: 3, effect: 'write', orderKey: (itemIndex) => lines[itemIndex] },
			{ waits: () => 3 },
		);
		const sameLine = result.overlapping.filter(([first, second]) => lines[first] === lines[second]);
		assert.deepEqual(sameLine, []);
		assert.deepEqual(
			result.started.filter((itemIndex) => lines[itemIndex] === 'a'),
			[0, 2, 4, 6],
		);
		assert.ok(result.maxInFlight > 1);
	});

	test('a failure starts no new item, lets those in flight finish, and throws the lowest failed item', async () => {
		// Item 5 fails at once, item 3 (started earlier, still in flight) fails after it.
		const result = await runRecorded(
			contextFor(20),
			{ concurrency: 4 },
			{ fails: [3, 5], waits: (itemIndex) => (itemIndex === 3 ? 6 : itemIndex === 5 ? 0 : 2) },
		);

		assert.ok(result.error);
		assert.equal(result.error.message, 'item 3 failed');
		assert.equal(result.error.context.itemIndex, 3);
		assert.ok(Math.max(...result.started) < 10, `started ${result.started.join(',')}`);
	});

	test('under Continue On Fail every failed item becomes an error item in its place', async () => {
		const result = await runRecorded(contextFor(6, true), { concurrency: 3 }, { fails: [1, 4] });
		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => item.json.error ?? item.json.itemIndex),
			[0, 'item 1 failed', 2, 3, 'item 4 failed', 5],
		);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[0, 1, 2, 3, 4, 5].map((item) => ({ item })),
		);
	});
});

describe('Shared reads: identical reads within one run', () => {
	const identity = {
		vendor: 'Test',
		credentialType: 'testApi',
		method: 'GET',
		url: '/state',
		qs: { id: '1' },
	};

	test('are sent once and their result given to every item', async () => {
		const context = contextFor(5);
		let sent = 0;
		const read = async () => ({ sent: ++sent });
		const results = await Promise.all(
			[0, 1, 2, 3, 4].map((itemIndex) => sharedRead(context, identity, itemIndex, read)),
		);
		assert.equal(sent, 1);
		assert.deepEqual(results, Array(5).fill({ sent: 1 }));
	});

	test('differ by query, method and run', async () => {
		const context = contextFor(2);
		let sent = 0;
		const read = async () => ++sent;
		await sharedRead(context, identity, 0, read);
		await sharedRead(context, { ...identity, qs: { id: '2' } }, 0, read);
		await sharedRead(context, { ...identity, method: 'LOOKUP' }, 0, read);
		await sharedRead(contextFor(2), identity, 0, read);
		assert.equal(sent, 4);
	});

	test('fail each item with its own item number and the same message', async () => {
		const context = contextFor(3);
		const read = async () => {
			throw new NodeApiError(node, { message: 'gone' }, { message: 'Gone (404)', itemIndex: 0 });
		};
		const errors = await Promise.all(
			[0, 1, 2].map(async (itemIndex) =>
				sharedRead(context, identity, itemIndex, read).then(
					() => assert.fail('read should fail'),
					(error: NodeApiError) => error,
				),
			),
		);
		assert.deepEqual(
			errors.map((error) => [error.message, error.context.itemIndex]),
			[
				['Gone (404)', 0],
				['Gone (404)', 1],
				['Gone (404)', 2],
			],
		);
	});

	test('outside an execute context (pickers, triggers) every read is sent', async () => {
		const pollContext = { getNode: () => node } as unknown as IExecuteFunctions;
		let sent = 0;
		await sharedRead(pollContext, identity, undefined, async () => ++sent);
		await sharedRead(pollContext, identity, undefined, async () => ++sent);
		assert.equal(sent, 2);
	});
});
