import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { AtiFixture } from './ati-fixture';
import { useAti } from './ati-fixture';

function contactIds(from: number, count: number): string[] {
	return Array.from({ length: count }, (_, index) => `${from + index}.0`);
}

/** Sizes of the POSTed batches, largest first: batches run concurrently, so arrival order varies. */
function postedIdCounts(ati: AtiFixture): number[] {
	return ati.simulator.requests
		.filter((request) => request.method === 'POST')
		.map((request) => (JSON.parse(request.body) as string[]).length)
		.sort((a, b) => b - a);
}

describe('ATI.SU presence: Get Many', () => {
	const ati = useAti();

	test('gives one item per (input item, contact), paired to its input item, in input order', async () => {
		ati.simulator.setStates({ '123456.0': 'online', '123456.1': 'offline', '234567.0': 'online' });

		const result = await ati.getMany([
			{ ids: '123456.0, 123456.1' },
			{ ids: ['234567.0', '123456.0'] },
		]);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json.code_id, item.json.state, item.pairedItem]),
			[
				['123456.0', 'online', { item: 0 }],
				['123456.1', 'offline', { item: 0 }],
				['234567.0', 'online', { item: 1 }],
				['123456.0', 'online', { item: 1 }],
			],
		);
		assert.deepEqual(postedIdCounts(ati), [3], 'the shared contact is asked for once');
	});

	test(
		'1,000 items × 10 distinct IDs make exactly 100 requests of 100 IDs',
		{ timeout: 60_000 },
		async () => {
			const input = Array.from({ length: 1000 }, (_, index) => ({
				ids: contactIds(100000 + index * 10, 10),
			}));

			const result = await ati.getMany(input);

			assert.equal(result.error, undefined);
			assert.equal(result.items.length, 10_000);
			assert.deepEqual(postedIdCounts(ati), Array(100).fill(100));
			assert.equal(ati.simulator.requests.filter((request) => request.status === 429).length, 0);
			result.items.forEach((item, index) => {
				assert.deepEqual(item.pairedItem, { item: Math.floor(index / 10) });
			});
		},
	);

	test('IDs repeated across items are fetched once: 300 items asking for the same 150 IDs make 2 requests', async () => {
		const input = Array.from({ length: 300 }, () => ({ ids: contactIds(500000, 150) }));

		const result = await ati.getMany(input);

		assert.equal(result.items.length, 45_000);
		assert.deepEqual(postedIdCounts(ati), [100, 50]);
	});

	test('a bad ID fails the whole node with its item number, before any request', async () => {
		const result = await ati.getMany([{ ids: '123456.0' }, { ids: '234567.0, 42' }]);

		assert.ok(result.error);
		assert.match(result.error.message, /"42" is not an ATI contact ID/);
		assert.match(String(result.error.description), /"42\.0"/);
		assert.equal(result.error.context.itemIndex, 1);
		assert.equal(ati.simulator.requests.length, 0);
	});

	test("with Continue On Fail, a bad ID among good ones is only its own item's error", async () => {
		const result = await ati.getMany(
			[{ ids: '123456.0' }, { ids: '234567.0, 42' }, { ids: [] }, { ids: '345678.0' }],
			undefined,
			true,
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json.code_id ?? item.json.error, item.pairedItem]),
			[
				['123456.0', { item: 0 }],
				['"42" is not an ATI contact ID', { item: 1 }],
				['No contact IDs given', { item: 2 }],
				['345678.0', { item: 3 }],
			],
		);
		assert.deepEqual(postedIdCounts(ati), [2]);
	});

	test('failed batches give each input item exactly one error item, in place', async () => {
		const input = [
			{ ids: contactIds(700000, 100) },
			{ ids: contactIds(800000, 100) },
			{ ids: '700000.0' },
		];
		ati.simulator.injectFault({
			status: 500,
			body: { error: 'internal', reason: 'storage down' },
			match: { method: 'POST' },
			times: 10,
		});

		const result = await ati.getMany(input, undefined, true);

		assert.deepEqual(
			result.items.map((item) => [
				item.json.error,
				(item.error as { httpCode?: string } | undefined)?.httpCode,
				item.pairedItem,
			]),
			[0, 1, 2].map((index) => [
				'ATI.SU answered with an error (500): storage down',
				'500',
				{ item: index },
			]),
		);
		assert.deepEqual(postedIdCounts(ati), [100, 100]);
	});
});
