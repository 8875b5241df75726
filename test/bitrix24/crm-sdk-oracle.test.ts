import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { Bitrix24Simulator } from '../../sandbox/bitrix24';
import { BITRIX24_DEMO_WEBHOOK_CODE, createBitrix24Simulator } from '../../sandbox/bitrix24';
import type { Row, SdkConnection, SdkHook } from './b24-sdk';
import { connectSdk } from './b24-sdk';

/**
 * Bitrix24's own JS SDK as the oracle of the simulator's list and batch shapes: its fast list
 * algorithm (fetchList: order by ID, `>ID` filter, `start=-1`, rows under `items`/`tasks` for
 * crm.item and tasks) and its batch encoding of `$result[…]` references.
 */
describe("the simulator against Bitrix24's JS SDK (fetchList, batch with $result)", () => {
	let simulator: Bitrix24Simulator;
	let sdk: SdkConnection;
	let hook: SdkHook;

	before(async () => {
		simulator = createBitrix24Simulator({ limit: { perSecond: 100, burst: 1000 } });
		const base = await simulator.start();
		sdk = await connectSdk(`${base}/rest/1/${BITRIX24_DEMO_WEBHOOK_CODE}/`);
		hook = sdk.hook;
	});
	after(async () => {
		sdk.restore();
		await simulator.stop();
	});

	const all = async (options: Row) => {
		const rows: Row[] = [];
		for await (const chunk of hook.actions.v2.fetchList.make(options)) rows.push(...chunk);
		return rows;
	};

	test('fetchList reads every deal once through start=-1 and >ID', async () => {
		simulator.portal.setDealCount(260);

		const rows = await all({
			method: 'crm.deal.list',
			params: { select: ['ID', 'TITLE'] },
			idKey: 'ID',
		});

		assert.deepEqual(
			rows.map((row) => Number(row.ID)),
			Array.from({ length: 260 }, (_, i) => i + 1),
		);
		const lists = simulator.requests.filter((request) => request.path.includes('crm.deal.list'));
		assert.equal(lists.length, 6);
	});

	test('fetchList reads smart process items under "items" and tasks under "tasks" by id', async () => {
		const items = await all({
			method: 'crm.item.list',
			params: { entityTypeId: 1032 },
			idKey: 'id',
			customKeyForResult: 'items',
		});
		const tasks = await all({
			method: 'tasks.task.list',
			params: {},
			idKey: 'id',
			cursorIdKey: 'ID',
			customKeyForResult: 'tasks',
		});

		assert.deepEqual(
			items.map((item) => item.id),
			[1, 2, 3],
		);
		assert.deepEqual(
			tasks.map((task) => task.id),
			['1', '2'],
		);
	});

	test('a batch the SDK encodes chains pages through $result[…][49][ID]', async () => {
		simulator.portal.setDealCount(120);
		const page = (filter: Row) => ({
			method: 'crm.deal.list',
			params: { filter, order: { ID: 'ASC' }, select: ['ID'], start: -1 },
		});

		const reply = await hook.actions.v2.batch.make({
			calls: {
				p0: page({ '>ID': 0 }),
				p1: page({ '>ID': '$result[p0][49][ID]' }),
				p2: page({ '>ID': '$result[p1][49][ID]' }),
			},
			options: { isHaltOnError: false },
		});

		const data = reply.getData() as unknown as Record<string, Row[]>;
		assert.deepEqual([data.p0.length, data.p1.length, data.p2.length], [50, 50, 20]);
		assert.equal(data.p1[0].ID, '51');
		assert.equal(data.p2.at(-1)?.ID, '120');
	});
});
