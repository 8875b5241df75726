import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeParameters } from 'n8n-workflow';

import { useAti } from './ati-fixture';

/** The load form as a user fills it: Moscow → Kazan, building materials, 20 t, tent body. */
const loadForm = (overrides: INodeParameters = {}): INodeParameters => ({
	resource: 'load',
	operation: 'create',
	loadingCity: { __rl: true, mode: 'list', value: '1' },
	loadingDate: '2026-12-10T00:00:00',
	unloadingCity: { __rl: true, mode: 'id', value: '3' },
	cargoType: { __rl: true, mode: 'list', value: '2' },
	weight: 20,
	volume: 82,
	bodyTypes: [1, 4],
	price: 90000,
	currencyId: 1,
	rateType: 'withVat',
	contactIds: '1',
	externalId: '={{ $json.orderNumber }}',
	...overrides,
});

const requestLine = (request: { method: string; path: string; query: string }) =>
	`${request.method} ${request.path}${request.query ? `?${request.query}` : ''}`;

describe('ATI.SU Load', () => {
	const ati = useAti();

	test('Create publishes the form as a cargo_application in one POST per item', async () => {
		const result = await ati.run(loadForm(), [{ orderNumber: 'TMS-1' }]);

		assert.equal(result.error, undefined);
		assert.deepEqual(ati.simulator.requests.map(requestLine), ['POST /v2/cargos']);
		assert.deepEqual(JSON.parse(ati.simulator.requests[0].body), {
			cargo_application: {
				route: {
					loading: { city_id: 1, first_date: '2026-12-10' },
					unloading: { city_id: 3 },
				},
				cargo: { cargo_type_id: 2, weight: { value: 20, unit: 't' }, volume: { value: 82 } },
				truck: { body_types: [1, 4] },
				payment: { type: 'with-bargaining', currency_type: 1, rate_with_vat: 90000 },
				contacts: [1],
				external_id: 'TMS-1',
			},
		});
		const [item] = result.items;
		assert.equal(item.json.published, true);
		assert.equal(item.json.external_id, 'TMS-1');
		assert.match(String(item.json.cargo_application_id), /^[0-9a-f-]{36}$/);
		assert.deepEqual(item.pairedItem, { item: 0 });
	});

	test('a load published, updated, renewed, read back and removed', async () => {
		const created = await ati.run(loadForm(), [{ orderNumber: 'TMS-2' }]);
		const loadId = String(created.items[0].json.cargo_application_id);

		const updated = await ati.run(
			loadForm({ operation: 'update', loadId, weight: 18, additionalFields: { note: 'Паллеты' } }),
			[{ orderNumber: 'TMS-2' }],
		);
		assert.equal(updated.error, undefined);
		assert.equal(updated.items[0].json.updated, true);
		assert.equal(updated.items[0].json.note, 'Паллеты');

		const renewed = await ati.run({ resource: 'load', operation: 'renew', loadId });
		assert.deepEqual(renewed.items[0].json, { renewed: true, cargo_application_id: loadId });

		const read = await ati.run({ resource: 'load', operation: 'get', loadId });
		assert.deepEqual(read.items[0].json.cargo, {
			cargo_type_id: 2,
			weight: { value: 18, unit: 't' },
			volume: { value: 82 },
		});

		const deleted = await ati.run({ resource: 'load', operation: 'delete', loadId });
		assert.deepEqual(deleted.items[0].json, { deleted: true });
		assert.deepEqual(ati.simulator.loads.list(), []);

		assert.deepEqual(ati.simulator.requests.map(requestLine), [
			'POST /v2/cargos',
			`PUT /v2/cargos/${loadId}`,
			`PUT /v1.0/loads/${loadId}/renew`,
			`GET /v1.0/loads/${loadId}`,
			`DELETE /v1.0/loads/${loadId}`,
		]);
	});

	test('a duplicate is a clear per-item result, never a second load; the other items are published', async () => {
		const result = await ati.run(loadForm(), [
			{ orderNumber: 'TMS-3' },
			{ orderNumber: 'TMS-3-again' },
		]);

		assert.equal(result.error, undefined);
		assert.equal(result.items[0].json.published, true);
		assert.deepEqual(
			{ ...result.items[1].json, reason: undefined },
			{ published: false, duplicate: true, reason: undefined, external_id: 'TMS-3-again' },
		);
		assert.match(String(result.items[1].json.reason), /совпадает с грузом/);
		assert.deepEqual(result.items[1].pairedItem, { item: 1 });
		assert.equal(ati.simulator.loads.list().length, 1);
		assert.equal(ati.simulator.requests.length, 2);
	});

	test('a load ATI merges into a similar one (202) is reported as merged, not as a new load', async () => {
		const first = await ati.run(loadForm(), [{ orderNumber: 'TMS-10' }]);
		const merged = await ati.run(loadForm({ price: 95000 }), [{ orderNumber: 'TMS-10' }]);

		assert.equal(merged.items[0].json.published, false);
		assert.equal(merged.items[0].json.merged, true);
		assert.equal(
			merged.items[0].json.cargo_application_id,
			first.items[0].json.cargo_application_id,
		);
		assert.equal(ati.simulator.loads.list().length, 1);
	});

	test('a Create answered 504 is not sent again: the item fails saying the load may have been published', async () => {
		ati.simulator.injectFault({
			status: 504,
			body: { error: 'gateway_timeout', reason: 'Upstream timeout' },
		});

		const result = await ati.run(loadForm(), [{ orderNumber: 'TMS-4' }]);

		assert.ok(result.error);
		assert.equal(ati.simulator.requests.length, 1);
		assert.match(String(result.error.description), /may have/i);
	});

	test('Get Many lists the firm loads; an External ID filter finds the one a system published', async () => {
		await ati.run(loadForm(), [{ orderNumber: 'TMS-5' }]);
		await ati.run(loadForm({ loadingDate: '2026-12-11' }), [{ orderNumber: 'TMS-6' }]);

		const all = await ati.run({ resource: 'load', operation: 'getMany', returnAll: true });
		assert.deepEqual(
			all.items.map((item) => item.json.external_id),
			['TMS-5', 'TMS-6'],
		);

		const one = await ati.run({
			resource: 'load',
			operation: 'getMany',
			returnAll: true,
			filters: { externalId: 'TMS-6' },
		});
		assert.deepEqual(
			one.items.map((item) => item.json.external_id),
			['TMS-6'],
		);

		const limited = await ati.run({ resource: 'load', operation: 'getMany', limit: 1 });
		assert.equal(limited.items.length, 1);
		assert.deepEqual(ati.simulator.requests.slice(2).map(requestLine), [
			'GET /v1.0/loads',
			'GET /v1.0/loads',
			'GET /v1.0/loads',
		]);
	});

	test('Get Responses gives one item per carrier response', async () => {
		const created = await ati.run(loadForm(), [{ orderNumber: 'TMS-7' }]);
		const loadId = String(created.items[0].json.cargo_application_id);
		ati.simulator.loads.addResponse(loadId, { FirmId: 234567, Price: 85000, CurrencyId: 1 });
		ati.simulator.loads.addResponse(loadId, { FirmId: 345678, Price: 87000, CurrencyId: 1 });

		const result = await ati.run({ resource: 'load', operation: 'getResponses', loadId });

		assert.deepEqual(
			result.items.map((item) => [item.json.FirmId, item.json.Price]),
			[
				[234567, 85000],
				[345678, 87000],
			],
		);
		assert.deepEqual(
			requestLine(ati.simulator.requests[1]),
			`GET /v1.0/loads/new/${loadId}/responses`,
		);
	});

	test("25 items keep under ATI's 10 requests per second: no request is refused with 429", async () => {
		const ids = Array.from(
			{ length: 25 },
			(_, day) =>
				ati.simulator.loads.add({
					route: { loading: { city_id: 1, first_date: `2026-12-${day + 1}` } },
				}).cargo_application_id,
		);

		const result = await ati.run(
			{ resource: 'load', operation: 'get', loadId: '={{ $json.id }}' },
			ids.map((id) => ({ id })),
		);

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 25);
		assert.equal(ati.simulator.requests.length, 25);
		assert.ok(ati.simulator.requests.every((request) => request.status === 200));
	});

	test('identical reads in one run are sent once: 25 items asking the same responses make one request', async () => {
		const created = await ati.run(loadForm(), [{ orderNumber: 'TMS-11' }]);
		const loadId = String(created.items[0].json.cargo_application_id);
		ati.simulator.loads.addResponse(loadId, { FirmId: 234567, Price: 85000, CurrencyId: 1 });

		const result = await ati.run(
			{ resource: 'load', operation: 'getResponses', loadId },
			Array.from({ length: 25 }, () => ({})),
		);

		assert.equal(result.items.length, 25);
		assert.equal(ati.simulator.requests.length, 2);
	});

	test('an unknown load is the item error with a hint about the load ID; nothing else is sent', async () => {
		const result = await ati.run({ resource: 'load', operation: 'get', loadId: 'no-such-load' });
		assert.ok(result.error);
		assert.match(result.error.message, /404/);
		assert.match(String(result.error.description), /load ID/);
		assert.equal(ati.simulator.requests.length, 1);
	});

	test('a city that is not an ID fails the item before any request', async () => {
		const result = await ati.run(
			loadForm({ loadingCity: { __rl: true, mode: 'list', value: 'Moscow' } }),
			[{ orderNumber: 'TMS-8' }],
		);
		assert.ok(result.error);
		assert.match(result.error.message, /"Moscow" is not an ATI dictionary ID/);
		assert.equal(ati.simulator.requests.length, 0);
	});
});
