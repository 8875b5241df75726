import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { createAtiSimulator } from './ati-simulator';
import { ATI_DEMO_TOKEN } from './demo-data';

const application = (overrides: Record<string, unknown> = {}) => ({
	external_id: 'tms-1',
	route: { loading: { city_id: 1, first_date: '2026-12-10' }, unloading: { city_id: 3 } },
	load: { cargo_type: 2, weight: 20 },
	truck: { body_types: [1] },
	payment: { price: 90000, currency_id: 1 },
	...overrides,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are read field by field
type Json = Record<string, any>;

describe('ATI simulator: loads, orders, firms and dictionaries', () => {
	const simulator = createAtiSimulator();
	let baseUrl: string;
	const call = (method: string, path: string, body?: unknown) =>
		fetch(`${baseUrl}${path}`, {
			method,
			headers: {
				Authorization: `Bearer ${ATI_DEMO_TOKEN}`,
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	const json = async (res: Response) => (await res.json()) as Json;

	before(async () => {
		baseUrl = await simulator.start();
	});
	beforeEach(() => simulator.reset());
	after(() => simulator.stop());

	test('a load is published, read, listed, updated, renewed and deleted', async () => {
		const created = await call('POST', '/v2/cargos', { cargo_application: application() });
		assert.equal(created.status, 200);
		const load = (await json(created)).cargo_application;
		assert.match(load.cargo_id, /^[0-9a-f-]{36}$/);
		assert.equal(load.external_id, 'tms-1');

		assert.equal(
			(await json(await call('GET', `/v1.0/loads/${load.cargo_id}`))).cargo_number,
			load.cargo_number,
		);
		assert.equal(((await (await call('GET', '/v1.0/loads')).json()) as unknown[]).length, 1);

		const updated = await call('PUT', `/v2/cargos/${load.cargo_id}`, {
			cargo_application: application({ note: 'fragile' }),
		});
		assert.equal((await json(updated)).cargo_application.note, 'fragile');
		assert.equal((await call('PUT', `/v1.0/loads/${load.cargo_id}/renew`)).status, 200);
		assert.equal((await call('DELETE', `/v1.0/loads/${load.cargo_id}`)).status, 200);
		assert.equal((await call('GET', `/v1.0/loads/${load.cargo_id}`)).status, 404);
	});

	test('a load matching ATI duplicate rules is refused with 400 duplicate_load; another date is not a duplicate', async () => {
		await call('POST', '/v2/cargos', { cargo_application: application() });
		const again = await call('POST', '/v2/cargos', {
			cargo_application: application({ external_id: 'tms-2' }),
		});
		assert.equal(again.status, 400);
		assert.equal((await json(again)).error, 'duplicate_load');
		const otherDay = await call('POST', '/v2/cargos', {
			cargo_application: application({
				route: { loading: { city_id: 1, first_date: '2026-12-11' }, unloading: { city_id: 3 } },
			}),
		});
		assert.equal(otherDay.status, 200);
	});

	test('a city, cargo type or body type outside the dictionaries is a 400 naming the field', async () => {
		const res = await call('POST', '/v2/cargos', {
			cargo_application: application({ truck: { body_types: [3] } }),
		});
		assert.equal(res.status, 400);
		assert.match((await json(res)).reason, /truck\.body_types/);
	});

	test('carrier responses added through the control surface are listed for the load', async () => {
		const load = (
			await json(await call('POST', '/v2/cargos', { cargo_application: application() }))
		).cargo_application;
		await fetch(`${baseUrl}/__control/ati/loads/${load.cargo_id}/responses`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ ati_id: '234567', price: 85000, currency_id: 1 }),
		});
		const responses = (await (
			await call('GET', `/v1.0/loads/new/${load.cargo_id}/responses`)
		).json()) as Json[];
		assert.deepEqual(
			responses.map((response) => [response.ati_id, response.price]),
			[['234567', 85000]],
		);
	});

	test('an invitation goes once to each contact; a second one is refused', async () => {
		const load = (
			await json(await call('POST', '/v2/cargos', { cargo_application: application() }))
		).cargo_application;
		const invite = {
			load_id: load.cargo_id,
			taker_ati_id: '234567',
			taker_contacts_list: [0],
			payment: { price: 80000, currency_id: 1 },
		};
		assert.equal((await call('POST', '/v1.2/orders/invites', invite)).status, 200);
		const again = await call('POST', '/v1.2/orders/invites', invite);
		assert.equal(again.status, 400);
		assert.match((await json(again)).reason, /already invited/);
	});

	test('orders are read one by one and in skip/take pages', async () => {
		for (let index = 0; index < 3; index++) simulator.orders.add({ id: `order-${index}` });
		assert.equal((await json(await call('GET', '/v1.2/orders/order-1'))).id, 'order-1');
		const page = (await (await call('GET', '/v1.2/orders?skip=2&take=2')).json()) as Json[];
		assert.deepEqual(
			page.map((order) => order.id),
			['order-2'],
		);
		assert.equal((await call('GET', '/v1.2/orders?take=101')).status, 400);
	});

	test('firms and dictionaries answer their lists; an unknown firm is 404', async () => {
		assert.equal((await json(await call('GET', '/v1.0/firms/summary/234567'))).ati_id, 234567);
		assert.equal((await call('GET', '/v1.0/firms/999/contacts/summary')).status, 404);
		const cities = (await (await call('GET', '/v1.0/dictionaries/cities')).json()) as Json[];
		assert.ok(cities.some((city) => city.CityName === 'Казань'));
	});
});
