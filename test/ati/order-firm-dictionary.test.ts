import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useAti } from './ati-fixture';

const requestLine = (request: { method: string; path: string; query: string }) =>
	`${request.method} ${request.path}${request.query ? `?${request.query}` : ''}`;

describe('ATI.SU Order, Firm and Dictionary', () => {
	const ati = useAti();
	const publish = () =>
		ati.simulator.loads.add({
			route: { loading: { city_id: 1 }, unloading: { city_id: 3 } },
			cargo: { cargo_type_id: 2 },
		});

	test("Invite a Carrier posts ATI's invitation once per item; inviting the same contact again fails that item", async () => {
		const load = publish();
		const invite = {
			resource: 'order',
			operation: 'invite',
			loadId: load.cargo_application_id,
			carrierAtiId: '234567',
			contactIds: '0',
			price: 80000,
			currencyId: 1,
			rateType: 'withoutVat',
		};

		const first = await ati.run(invite);
		assert.equal(first.error, undefined);
		assert.deepEqual(JSON.parse(ati.simulator.requests[0].body), {
			load_id: load.cargo_application_id,
			taker_ati_id: '234567',
			taker_contacts_list: [0],
			payment: { not_nds_price: 80000, not_nds_currency_id: 1 },
			is_tracking: false,
		});

		const again = await ati.run(invite);
		assert.ok(again.error);
		assert.match(again.error.message, /already invited/);
		assert.match(String(again.error.description), /only once/);
		assert.equal(ati.simulator.requests.length, 2);
		assert.equal(ati.simulator.orders.allInvites().length, 1);
	});

	test('Invite a Carrier with a contact list that is not numbers fails before sending', async () => {
		const result = await ati.run({
			resource: 'order',
			operation: 'invite',
			loadId: publish().cargo_application_id,
			carrierAtiId: '234567',
			contactIds: '0, main',
			price: 1,
			currencyId: 1,
		});
		assert.match(String(result.error?.message), /"main" in Contact Numbers is not a number/);
		assert.equal(ati.simulator.requests.length, 0);
	});

	test('Order Get reads one order; Get Many searches by role, statuses and loads', async () => {
		ati.simulator.orders.add({ id: 'order-1', status: 0, load_id: 'L1' });
		ati.simulator.orders.add({ id: 'order-2', status: 5, load_id: 'L1' });
		ati.simulator.orders.add({ id: 'order-3', status: 2, load_id: 'L2' });
		const one = await ati.run({ resource: 'order', operation: 'get', orderId: 'order-2' });
		assert.equal(one.items[0].json.status, 5);

		const done = await ati.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: { statuses: [5, 2], loadIds: 'L1, L2' },
		});
		assert.deepEqual(
			done.items.map((item) => item.json.id),
			['order-2', 'order-3'],
		);
		const limited = await ati.run({ resource: 'order', operation: 'getMany', limit: 1 });
		assert.equal(limited.items.length, 1);

		assert.deepEqual(
			ati.simulator.requests.map((request) => [requestLine(request), request.body]),
			[
				['GET /v1.2/orders/order-2', ''],
				['POST /v1.2/orders/search', '{"role":0,"statuses":[5,2],"load_ids":["L1","L2"]}'],
				['POST /v1.2/orders/search', '{"role":0}'],
			],
		);
	});

	test('Order Get Many reads a long list in the one request ATI answers it with: no paging to loop on', async () => {
		const start = Date.parse('2026-12-01T00:00:00Z');
		for (let index = 0; index < 240; index++) {
			ati.simulator.orders.add(
				{ id: `order-${String(index).padStart(3, '0')}`, status: index % 6, load_id: `L${index}` },
				new Date(start + index * 1000),
			);
		}
		const all = await ati.run({ resource: 'order', operation: 'getMany', returnAll: true });
		assert.equal(all.items.length, 240);
		assert.equal(new Set(all.items.map((item) => item.json.id)).size, 240);
		assert.equal(all.items[239].json.id, 'order-239');
		assert.ok(all.items.every((item) => item.pairedItem !== undefined));

		const limited = await ati.run({ resource: 'order', operation: 'getMany', limit: 30 });
		assert.deepEqual(
			limited.items.map((item) => item.json.id),
			Array.from({ length: 30 }, (_, index) => `order-${String(index).padStart(3, '0')}`),
		);
		assert.deepEqual(
			ati.simulator.requests.map((request) => [requestLine(request), request.body]),
			[
				['POST /v1.2/orders/search', '{"role":0}'],
				['POST /v1.2/orders/search', '{"role":0}'],
			],
		);
	});

	test('Firm Get reads the summary; Get Contacts adds the code_id Presence takes', async () => {
		const firm = await ati.run({ resource: 'firm', operation: 'get', atiId: '234567' });
		assert.equal(firm.items[0].json.firm_name, 'Перевозчиков П. П.');

		const contacts = await ati.run({
			resource: 'firm',
			operation: 'getContacts',
			atiId: '123456.1',
		});
		assert.deepEqual(
			contacts.items.map((item) => item.json.code_id),
			['123456.0', '123456.1'],
		);
		assert.deepEqual(ati.simulator.requests.map(requestLine), [
			'GET /v1.0/firms/234567/summary',
			'GET /v1.0/firms/123456/contacts/summary',
		]);
	});

	test('Dictionary Get Many searches by name; many items asking the same dictionary send one request', async () => {
		const result = await ati.run(
			{
				resource: 'dictionary',
				operation: 'getMany',
				dictionary: 'cities',
				search: 'моск',
				returnAll: true,
			},
			[{}, {}, {}],
		);
		assert.equal(result.items.length, 6);
		assert.deepEqual(
			result.items.slice(0, 2).map((item) => item.json.CityName),
			['Москва', 'Москворецкое'],
		);
		assert.deepEqual(ati.simulator.requests.map(requestLine), ['GET /v1.0/dictionaries/cities']);
	});

	test('the pickers search cities and cargo types and list body types and currencies', async () => {
		const node = {
			type: 'ati',
			parameters: { resource: 'load', operation: 'create' },
			credentials: { atiApi: ati.credentialId },
		};
		const cities = await ati.harness.listSearch(node, 'searchCities', 'каз');
		assert.deepEqual(cities.results[0], { name: 'Казань (Татарстан)', value: '3' });
		const cargo = await ati.harness.listSearch(node, 'searchCargoTypes');
		assert.equal(cargo.results.length, 5);
		const bodies = await ati.harness.loadOptions(node, 'getBodyTypes');
		assert.deepEqual(bodies[0], { name: 'тентованный', value: 1 });
		const currencies = await ati.harness.loadOptions(node, 'getCurrencies');
		assert.deepEqual(currencies[0], { name: 'руб', value: 1 });
		assert.deepEqual(
			ati.simulator.requests.map((request) => [requestLine(request), request.body]),
			[
				[
					'POST /gw/gis-dict/v1/autocomplete/suggestions',
					'{"prefix":"каз","suggestion_types":1,"limit":100}',
				],
				['GET /v1.0/dictionaries/cargoTypes', ''],
				['GET /v1.0/dictionaries/carTypes', ''],
				['GET /v1.0/dictionaries/currencyTypes', ''],
			],
		);
	});

	test('the city picker asks ATI only once something is typed, and finds cities by the start of the name', async () => {
		const node = {
			type: 'ati',
			parameters: { resource: 'load', operation: 'create' },
			credentials: { atiApi: ati.credentialId },
		};
		assert.deepEqual((await ati.harness.listSearch(node, 'searchCities', '  ')).results, []);
		assert.equal(ati.simulator.requests.length, 0);
		const moscow = await ati.harness.listSearch(node, 'searchCities', 'Москв');
		assert.deepEqual(moscow.results, [
			{ name: 'Москва', value: '1' },
			{ name: 'Москворецкое (Московская обл.)', value: '8' },
		]);
		assert.deepEqual((await ati.harness.listSearch(node, 'searchCities', 'Париж')).results, []);
		assert.equal(ati.simulator.requests.length, 2);
	});
});
