import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { runChunkedAcrossItems } from '../../nodes/shared/execution/across-items';
import { runDedupedAcrossItems } from '../../nodes/shared/execution/deduped-across-items';
import { runPerItem } from '../../nodes/shared/execution/per-item';
import { N8nHarness } from './n8n-harness';
import { testNodeDescription } from './test-node-description';

/**
 * Input items say what they do: `value` is echoed, `bad` fails while the item is read (before
 * anything is sent), `fail` fails the item's own outcome, `keys` are what a deduplicated read
 * asks for. Each node records what it sent, so a test sees what reached the "vendor".
 */
interface Probe {
	value?: string;
	bad?: boolean;
	fail?: boolean;
	keys?: string[];
}

const sent: unknown[][] = [];

function probeOf(context: IExecuteFunctions, itemIndex: number): Probe {
	const probe = context.getInputData()[itemIndex].json as Probe;
	if (probe.bad) throw new Error(`item ${itemIndex} is bad input`);
	return probe;
}

class PerItemShape implements INodeType {
	description = testNodeDescription('perItemShape');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			await runPerItem(this, async (itemIndex) => {
				const probe = probeOf(this, itemIndex);
				sent.push([itemIndex]);
				if (probe.fail) throw new Error(`item ${itemIndex} failed at the vendor`);
				return { value: probe.value ?? null };
			}),
		];
	}
}

class ChunkedShape implements INodeType {
	description = testNodeDescription('chunkedShape');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			await runChunkedAcrossItems<Probe, { ok: boolean; value?: string }>(this, {
				rowOf: (itemIndex) => probeOf(this, itemIndex),
				sendChunk: async (rows, itemIndexes) => {
					sent.push(itemIndexes);
					if (rows.some((row) => row.value === 'chunk-fails'))
						throw new Error('the chunk was refused');
					// One row answers nothing: its item alone gets "no outcome".
					const answered = rows.map((row) => ({ ok: !row.fail, value: row.value }));
					return rows.at(-1)?.value === 'unanswered' ? answered.slice(0, -1) : answered;
				},
				toOutput: (outcome, itemIndex) => {
					if (!outcome.ok) throw new Error(`row of item ${itemIndex} failed at the vendor`);
					return { value: outcome.value ?? null, itemIndex } as IDataObject;
				},
				maxChunkSize: 2,
				concurrency: 1,
			}),
		];
	}
}

class DedupedShape implements INodeType {
	description = testNodeDescription('dedupedShape');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			await runDedupedAcrossItems<string>(this, {
				keysOf: (itemIndex) => probeOf(this, itemIndex).keys ?? [],
				fetchChunk: async (keys) => {
					sent.push(keys);
					if (keys.includes('refused')) throw new Error('the read was refused');
					return new Map(keys.filter((key) => key !== 'missing').map((key) => [key, `v-${key}`]));
				},
				toOutput: (key, result) => {
					if (result === undefined) throw new Error(`no result for ${key}`);
					return { key, result };
				},
				maxBatchSize: 2,
				concurrency: 1,
			}),
		];
	}
}

describe('item runner: three shapes, one outcome rule', () => {
	const harness = new N8nHarness({
		nodes: [new PerItemShape(), new ChunkedShape(), new DedupedShape()],
	});
	const run = async (type: string, input: Probe[], continueOnFail: boolean) => {
		sent.length = 0;
		return await harness.runNode({ type, parameters: {}, continueOnFail }, input as IDataObject[]);
	};
	const paired = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);

	for (const type of ['perItemShape', 'chunkedShape']) {
		test(`${type}: with Continue On Fail a failing item alone becomes an error item in its place`, async () => {
			const result = await run(
				type,
				[{ value: 'a' }, { value: 'b', fail: true }, { value: 'c' }, { bad: true }, { value: 'e' }],
				true,
			);
			assert.equal(result.error, undefined);
			assert.deepEqual(
				result.items.map((item) => item.json.value ?? item.json.error),
				['a', result.items[1].json.error, 'c', 'item 3 is bad input', 'e'],
			);
			assert.match(String(result.items[1].json.error), /item 1 failed at the vendor/);
			assert.deepEqual(
				paired(result.items),
				[0, 1, 2, 3, 4].map((item) => ({ item })),
			);
		});

		test(`${type}: without Continue On Fail bad input stops the node before anything is sent`, async () => {
			const result = await run(type, [{ value: 'a' }, { bad: true }], false);
			assert.match(String(result.error?.message), /item 1 is bad input/);
			if (type === 'chunkedShape') assert.deepEqual(sent, []);
		});

		test(`${type}: without Continue On Fail a vendor failure stops the node naming the lowest failed item`, async () => {
			const result = await run(
				type,
				[{ value: 'a' }, { value: 'b', fail: true }, { value: 'c', fail: true }],
				false,
			);
			assert.match(String(result.error?.message), /item 1 failed at the vendor/);
			assert.equal(result.items.length, 0);
		});
	}

	test('chunked: one row per item in, one outcome per item out, in chunks of two in input order', async () => {
		const result = await run(
			'chunkedShape',
			[{ value: 'a' }, { value: 'b' }, { value: 'c' }, { value: 'd' }, { value: 'e' }],
			false,
		);
		assert.deepEqual(sent, [[0, 1], [2, 3], [4]]);
		assert.deepEqual(
			result.items.map((item) => [item.json.value, item.json.itemIndex, item.pairedItem]),
			['a', 'b', 'c', 'd', 'e'].map((value, item) => [value, item, { item }]),
		);
	});

	test('chunked: a refused chunk fails each of its items and no other; a missing outcome fails its item', async () => {
		const result = await run(
			'chunkedShape',
			[{ value: 'a' }, { value: 'chunk-fails' }, { value: 'c' }, { value: 'unanswered' }],
			true,
		);
		assert.deepEqual(
			result.items.map((item) => item.json.value ?? item.json.error),
			[
				'the chunk was refused',
				'the chunk was refused',
				'c',
				'The batch gave no outcome for this item',
			],
		);
		assert.deepEqual(
			paired(result.items),
			[0, 1, 2, 3].map((item) => ({ item })),
		);
	});

	test('deduplicated: identical reads are sent once, each item gets exactly its own results', async () => {
		const result = await run(
			'dedupedShape',
			[{ keys: ['x', 'y'] }, { keys: ['y', 'x', 'y'] }, { keys: ['z'] }],
			false,
		);
		assert.deepEqual(sent, [['x', 'y'], ['z']]);
		assert.deepEqual(
			result.items.map((item) => [item.json.key, item.pairedItem]),
			[
				['x', { item: 0 }],
				['y', { item: 0 }],
				['y', { item: 1 }],
				['x', { item: 1 }],
				['z', { item: 2 }],
			],
		);
	});

	test('deduplicated: with Continue On Fail a failing read fails only the items that asked it', async () => {
		const result = await run(
			'dedupedShape',
			[{ keys: ['x'] }, { keys: ['missing'] }, { bad: true }, { keys: ['x'] }],
			true,
		);
		assert.deepEqual(
			result.items.map((item) => item.json.result ?? item.json.error),
			['v-x', 'no result for missing', 'item 2 is bad input', 'v-x'],
		);
		assert.deepEqual(
			paired(result.items),
			[0, 1, 2, 3].map((item) => ({ item })),
		);
	});

	test('deduplicated: without Continue On Fail the lowest failed item stops the node', async () => {
		const bad = await run('dedupedShape', [{ keys: ['x'] }, { bad: true }], false);
		assert.match(String(bad.error?.message), /item 1 is bad input/);
		assert.deepEqual(sent, []);

		const refused = await run('dedupedShape', [{ keys: ['x'] }, { keys: ['refused'] }], false);
		assert.match(String(refused.error?.message), /the read was refused/);
		assert.equal(refused.items.length, 0);
	});
});
