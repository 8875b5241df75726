import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { POINTS_PATH, useEra } from './era-fixture';

const listRequests = (era: ReturnType<typeof useEra>) =>
	era.simulator.requests
		.filter((request) => request.method === 'GET' && request.path === POINTS_PATH)
		.map((request) => Object.fromEntries(new URLSearchParams(request.query)));

describe('ERA integration point: Get Many', () => {
	const era = useEra();

	test(
		'Return All over 1,050 points pages with offset and limit 100 until an empty page: 12 requests, every point once, in order',
		{ timeout: 60_000 },
		async () => {
			era.simulator.seedPoints(1048);

			const result = await era.point('getMany', { returnAll: true });

			assert.equal(result.error, undefined);
			assert.equal(result.items.length, 1050);
			const codes = result.items.map((item) => item.json.code);
			assert.equal(new Set(codes).size, 1050);
			assert.deepEqual(codes.slice(0, 3), ['ABCDE', '902', 'seed-00001']);
			assert.equal(codes.at(-1), 'seed-01048');
			const pages = listRequests(era);
			assert.equal(pages.length, 12);
			assert.deepEqual(
				pages.map((page) => [page.offset, page.limit]),
				[
					...Array.from({ length: 11 }, (_, index) => [String(index * 100), '100']),
					['1050', '100'],
				],
			);
			assert.ok(
				result.items.every(
					(item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0,
				),
			);
		},
	);

	test('Return All stops on an exactly full last page with one empty page', async () => {
		era.simulator.seedPoints(198);

		const result = await era.point('getMany', { returnAll: true });

		assert.equal(result.items.length, 200);
		assert.deepEqual(
			listRequests(era).map((page) => page.offset),
			['0', '100', '200'],
		);
	});

	test('Limit 150 asks for 100, then only the 50 still wanted', async () => {
		era.simulator.seedPoints(400);

		const result = await era.point('getMany', { returnAll: false, limit: 150 });

		assert.equal(result.items.length, 150);
		assert.deepEqual(
			listRequests(era).map((page) => [page.offset, page.limit]),
			[
				['0', '100'],
				['100', '50'],
			],
		);
	});

	test('filters, fields, sort and flat are sent as ERA expects: JSON filter and order, comma mask (with id, for paging), flat=true', async () => {
		era.simulator.seedPoints(5);

		const result = await era.point('getMany', {
			returnAll: false,
			limit: 3,
			filters: {
				conditions: [
					{ field: 'type', value: 'public' },
					{ field: 'opts.issync', value: 'false' },
				],
			},
			options: {
				mask: ['code', 'opts.issync'],
				flat: true,
				sort: { rules: [{ field: 'code', direction: 'desc' }] },
			},
		});

		assert.equal(result.error, undefined);
		assert.deepEqual(listRequests(era), [
			{
				mask: 'code,opts.issync,id',
				flat: 'true',
				filter: '{"type":"public","opts.issync":false}',
				order: '[{"code":"desc"}]',
				offset: '0',
				limit: '3',
			},
		]);
		assert.deepEqual(
			result.items.map((item) => item.json),
			[
				{ code: 'seed-00005', 'opts.issync': false },
				{ code: 'seed-00004', 'opts.issync': false },
				{ code: 'seed-00003', 'opts.issync': false },
			],
		);
	});

	test('no matching points give no items and no error', async () => {
		const result = await era.point('getMany', {
			returnAll: true,
			filters: { conditions: [{ field: 'code', value: 'nothing' }] },
		});

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items, []);
	});
});
