import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { ownerTypeAbbr } from '../../nodes/Bitrix24/crm/owner-types';
import { useBitrix24 } from './bitrix24-fixture';
import { byId, crmRunner } from './crm-fixture';

const deal = (id: number | string) => ({ ownerType: 'deal', ownerId: byId(id) });
const json = (result: { items: Array<{ json: IDataObject }> }) =>
	result.items.map((item) => item.json);

describe('Bitrix24 Product Row: add, get many, update, delete, set', () => {
	const b24 = useBitrix24({ limit: { perSecond: 100, burst: 1000 } });
	const run = crmRunner(b24);
	/** Every REST request so far, each of them a `batch`. */
	const batches = () => {
		const calls = b24.restCalls();
		assert.ok(calls.every((call) => call.path.endsWith('/batch.json')));
		return calls;
	};

	test('rows added to three deals go in one batch and come back with their sum, discount and tax', async () => {
		const added = await run(
			'productRow',
			'add',
			{
				ownerType: 'deal',
				ownerId: byId('={{ $json.deal }}'),
				productId: byId(1242),
				price: '={{ $json.price }}',
				quantity: 3,
				additionalFields: { discountRate: 10, taxRate: 20, taxIncluded: true },
			},
			[
				{ deal: 5, price: 1200 },
				{ deal: 6, price: 600 },
				{ deal: 7, price: 120 },
			],
		);

		assert.equal(added.error, undefined);
		assert.equal(batches().length, 1);
		const [first] = json(added);
		assert.equal(first.ownerType, 'D');
		assert.equal(first.ownerId, 5);
		assert.equal(first.productName, 'Паллета 1200×800', 'the catalog names the row');
		assert.equal(first.sum, 3600);
		// 1200 with 20 % tax is 1000 without; 10 % off means 1111.11 before the discount.
		assert.equal(first.priceExclusive, 1000);
		assert.equal(first.taxTotal, 600);
		assert.equal(first.discountTotal, 333.33);
		assert.deepEqual(
			json(added).map((row) => row.sum),
			[3600, 1800, 360],
		);
	});

	test("Get Many reads each deal's rows, 50 items to a batch: 60 deals in 2 requests", async () => {
		const input = Array.from({ length: 60 }, (_, index) => ({ deal: index + 1 }));
		await run(
			'productRow',
			'add',
			{
				ownerType: 'deal',
				ownerId: byId('={{ $json.deal }}'),
				productName: 'Доставка',
				price: 500,
			},
			input,
		);
		const before = batches().length;

		const listed = await run(
			'productRow',
			'getAll',
			{ ownerType: 'deal', ownerId: byId('={{ $json.deal }}'), returnAll: true },
			input,
		);

		assert.equal(before, 2, 'the writes: ⌈60/50⌉ requests');
		assert.equal(batches().length - before, 2, 'the reads: ⌈60/50⌉ requests');
		assert.equal(listed.items.length, 60);
		assert.deepEqual(listed.items[59].pairedItem, { item: 59 });
		assert.equal(listed.items[59].json.ownerId, 60);
		assert.equal(listed.items[59].json.sum, 500);
	});

	test('a deal with 120 rows is read in full: first pages together, then its 2 other pages in one batch', async () => {
		const rows = Array.from({ length: 120 }, (_, index) => ({
			row: { productName: `Позиция ${index + 1}`, price: 10, sort: index + 1 },
		}));
		for (let at = 0; at < 120; at += 40) {
			await run('productRow', 'set', {
				...deal(9),
				rows: { row: rows.slice(0, at + 40).map((r) => r.row) },
			});
		}
		const before = batches().length;

		const all = await run('productRow', 'getAll', { ...deal(9), returnAll: true }, [
			{},
			{ other: true },
		]);
		const limited = await run('productRow', 'getAll', { ...deal(9), returnAll: false, limit: 60 });

		assert.equal(all.items.length, 240, 'both items read all 120 rows');
		assert.equal(all.items[119].json.productName, 'Позиция 120');
		assert.equal(batches().length - before, 2 + 2);
		assert.equal(limited.items.length, 60);
	});

	test("Set replaces a deal's rows and gives the record's totals; Update and Delete change one row", async () => {
		await run('productRow', 'add', { ...deal(3), productName: 'Старая позиция', price: 1 });

		const set = await run('productRow', 'set', {
			...deal(3),
			rows: {
				row: [
					{ productId: 1241, price: 5000, quantity: 1 },
					{ productName: 'Упаковка', price: 250, quantity: 4, discountTypeId: 1, discountSum: 50 },
				],
			},
		});
		const [record] = json(set);
		const rows = record.productRows as IDataObject[];
		const updated = await run('productRow', 'update', {
			rowId: String(rows[1].id),
			updateFields: { quantity: 2 },
		});
		const deleted = await run('productRow', 'delete', { rowId: String(rows[0].id) });
		const left = await run('productRow', 'getAll', { ...deal(3), returnAll: true });

		assert.equal(record.ownerId, 3);
		assert.equal(rows.length, 2);
		assert.equal(rows[0].productName, 'Доставка по Москве');
		assert.deepEqual([record.sum, record.discountTotal], [6000, 200]);
		assert.equal(updated.items[0].json.sum, 500);
		assert.deepEqual(deleted.items[0].json, { deleted: true });
		assert.deepEqual(
			json(left).map((row) => row.productName),
			['Упаковка'],
		);
	});

	test('a smart process item is named by its process (T and the number in hexadecimal)', async () => {
		const added = await run('productRow', 'add', {
			ownerType: 'smartProcessItem',
			entityTypeId: 1032,
			ownerId: { __rl: true, mode: 'url', value: `${b24.baseUrl}/crm/type/1032/details/2/` },
			productName: 'Доставка в Тверь',
			price: 7000,
		});

		assert.equal(added.error, undefined);
		assert.equal(added.items[0].json.ownerType, 'T408');
		assert.equal(added.items[0].json.ownerId, 2);
	});

	test("bad input fails its item before anything is sent; a missing deal is the portal's error", async () => {
		const noRows = await run('productRow', 'set', { ...deal(3), rows: {} });
		const badUrl = await run('productRow', 'add', {
			ownerType: 'lead',
			ownerId: { __rl: true, mode: 'url', value: `${b24.baseUrl}/crm/deal/details/3/` },
			price: 1,
		});
		const badPrice = await run('productRow', 'add', { ...deal(3), price: '=abc' });
		assert.equal(b24.restCalls().length, 0);

		const missing = await run('productRow', 'add', { ...deal(999), price: 1 });

		assert.match(String(noRows.error?.message), /"Rows" in item 0 is empty/);
		assert.match(String(badUrl.error?.message), /"Record" in item 0 is not a record ID/);
		assert.match(String(badPrice.error?.message), /"price" in item 0 is not a number/);
		assert.match(String(missing.error?.message), /not found/i);
	});

	test('the product picker lists the CRM catalog (not its offers) and searches by name', async () => {
		const node = b24.node({ resource: 'productRow', operation: 'add' });
		const all = await b24.harness.listSearch(node, 'searchProducts');
		const found = await b24.harness.listSearch(node, 'searchProducts', 'паллета');

		assert.deepEqual(
			all.results.map((result) => result.value),
			['1243', '1242', '1241'],
		);
		assert.deepEqual(found.results, [{ name: 'Паллета 1200×800 (1242)', value: '1242' }]);
	});

	test('the record picker of a product row lists the chosen kind of record', async () => {
		const node = b24.node({ resource: 'productRow', operation: 'getAll', ownerType: 'lead' });
		const leads = await b24.harness.listSearch(node, 'searchRecords');

		assert.ok(leads.results.length > 0);
		const list = b24.restCalls().at(-1)?.path ?? '';
		assert.match(list, /crm\.lead\.list/);
	});
});

describe("product row owners against Bitrix24's JS SDK", () => {
	test("the short type codes are the SDK's (getEnumCrmEntityTypeShort)", async () => {
		const sdk = (await import('@bitrix24/b24jssdk')) as unknown as {
			getEnumCrmEntityTypeShort(id: number): string;
		};
		for (const id of [1, 2, 3, 4, 7, 31]) {
			assert.equal(ownerTypeAbbr(id), sdk.getEnumCrmEntityTypeShort(id), `entityTypeId ${id}`);
		}
		assert.equal(ownerTypeAbbr(128), 'T80', 'REST docs, crm/data-types.md: SPA 128 is T80');
	});
});
