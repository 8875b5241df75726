import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { createAtiSimulator } from './ati-simulator';
import { ATI_DEMO_TOKEN } from './demo-data';

const application = (overrides: Record<string, unknown> = {}) => ({
	external_id: 'tms-1',
	route: { loading: { city_id: 1, first_date: '2026-12-10' }, unloading: { city_id: 3 } },
	cargo: { cargo_type_id: 2, weight: { value: 20, unit: 't' } },
	truck: { body_types: [1] },
	payment: { type: 'with-bargaining', currency_type: 1, rate_with_vat: 90000 },
	contacts: [1],
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

	test('a webhook subscription takes the subscription type its topic needs: complex with boards for board topics', async () => {
		const callback = 'http://127.0.0.1:9/hook-a';
		const refused = async (body: object) => {
			const res = await call('POST', '/webhooks/v1/create', body);
			return [res.status, (await json(res)).reason];
		};
		assert.deepEqual(
			await refused({ topic: 'cargoes.on_boards', callback, subscription_type: 'normal' }),
			[400, 'topic cargoes.on_boards takes subscription_type complex'],
		);
		assert.deepEqual(
			await refused({
				topic: 'cargoes.on_boards',
				callback,
				subscription_type: 'complex',
				subscription: { channel: 'cargoes.on_boards', boards: [] },
			}),
			[400, 'subscription must name the channel cargoes.on_boards and the boards to follow'],
		);
		assert.deepEqual(await refused({ topic: 'cargoes', callback, subscription_type: 'complex' }), [
			400,
			'topic cargoes takes subscription_type normal',
		]);
		const created = await call('POST', '/webhooks/v1/create', {
			topic: 'cargoes.on_boards',
			callback,
			subscription_type: 'complex',
			subscription: { channel: 'cargoes.on_boards', boards: ['507f1f77bcf86cd799439011'] },
		});
		assert.equal(created.status, 202);
		assert.deepEqual(
			simulator.webhooks.list().map((hook) => hook.boards),
			[['507f1f77bcf86cd799439011']],
		);
		await simulator.webhooks.settled();
	});

	test('a load is published, read, listed, updated, renewed and deleted', async () => {
		const created = await call('POST', '/v2/cargos', { cargo_application: application() });
		assert.equal(created.status, 200);
		const load = (await json(created)).cargo_application;
		assert.match(load.cargo_application_id, /^[0-9a-f-]{36}$/);
		assert.equal(load.external_id, 'tms-1');

		assert.equal(
			(await json(await call('GET', `/v1.0/loads/${load.cargo_application_id}`)))
				.cargo_application_number,
			load.cargo_application_number,
		);
		assert.equal(((await (await call('GET', '/v1.0/loads')).json()) as unknown[]).length, 1);

		const updated = await call('PUT', `/v2/cargos/${load.cargo_application_id}`, {
			cargo_application: application({ note: 'fragile' }),
		});
		assert.equal((await json(updated)).cargo_application.note, 'fragile');
		assert.equal((await call('PUT', `/v1.0/loads/${load.cargo_application_id}/renew`)).status, 200);
		assert.equal((await call('DELETE', `/v1.0/loads/${load.cargo_application_id}`)).status, 200);
		assert.equal((await call('GET', `/v1.0/loads/${load.cargo_application_id}`)).status, 404);
	});

	test('a load matching ATI duplicate rules is refused with 409 load_conflict_error; another date is not a duplicate', async () => {
		await call('POST', '/v2/cargos', { cargo_application: application() });
		const again = await call('POST', '/v2/cargos', {
			cargo_application: application({ external_id: 'tms-2' }),
		});
		assert.equal(again.status, 409);
		assert.equal((await json(again)).Error, 'load_conflict_error');
		const otherDay = await call('POST', '/v2/cargos', {
			cargo_application: application({
				route: { loading: { city_id: 1, first_date: '2026-12-11' }, unloading: { city_id: 3 } },
			}),
		});
		assert.equal(otherDay.status, 200);
	});

	test('the same load with another rate is merged into the first: 202 with the first load', async () => {
		const first = (
			await json(await call('POST', '/v2/cargos', { cargo_application: application() }))
		).cargo_application;
		const merged = await call('POST', '/v2/cargos', {
			cargo_application: application({
				payment: { type: 'with-bargaining', currency_type: 1, rate_with_vat: 95000 },
			}),
		});
		assert.equal(merged.status, 202);
		const load = (await json(merged)).cargo_application;
		assert.equal(load.cargo_application_id, first.cargo_application_id);
		assert.equal(load.payment.rate_with_vat, 95000);
		assert.equal(simulator.loads.list().length, 1);
	});

	test('a city, cargo type or body type outside the dictionaries is a 400 naming the field', async () => {
		const res = await call('POST', '/v2/cargos', {
			cargo_application: application({ truck: { body_types: [3] } }),
		});
		assert.equal(res.status, 400);
		assert.deepEqual(
			[(await json(res)).Error, res.status],
			['dictionary_element_not_found_error', 400],
		);
	});

	test('carrier responses added through the control surface are listed for the load', async () => {
		const load = (
			await json(await call('POST', '/v2/cargos', { cargo_application: application() }))
		).cargo_application;
		await fetch(`${baseUrl}/__control/ati/loads/${load.cargo_application_id}/responses`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ FirmId: 234567, Price: 85000, CurrencyId: 1 }),
		});
		const responses = (await (
			await call('GET', `/v1.0/loads/new/${load.cargo_application_id}/responses`)
		).json()) as Json[];
		assert.deepEqual(
			responses.map((response) => [response.FirmId, response.Price]),
			[[234567, 85000]],
		);
	});

	test('an invitation goes once to each contact; a second one is refused', async () => {
		const load = (
			await json(await call('POST', '/v2/cargos', { cargo_application: application() }))
		).cargo_application;
		const invite = {
			load_id: load.cargo_application_id,
			taker_ati_id: '234567',
			taker_contacts_list: [0],
			payment: { price: 80000, currency_id: 1 },
		};
		assert.equal((await call('POST', '/v1.2/orders/invites', invite)).status, 200);
		const again = await call('POST', '/v1.2/orders/invites', invite);
		assert.equal(again.status, 400);
		assert.match((await json(again)).reason, /already invited/);
	});

	test('orders are read one by one and searched by role, status and load', async () => {
		simulator.orders.add({ id: 'order-0', status: 0, load_id: 'L1' });
		simulator.orders.add({ id: 'order-1', status: 5, load_id: 'L1' });
		simulator.orders.add({ id: 'order-2', owner_ati_id: '234567', taker_ati_id: '123456' });
		assert.equal((await json(await call('GET', '/v1.2/orders/order-1'))).id, 'order-1');
		const search = async (body: unknown) =>
			((await (await call('POST', '/v1.2/orders/search', body)).json()) as Json[]).map(
				(order) => order.id,
			);
		assert.deepEqual(await search({ role: 0 }), ['order-0', 'order-1']);
		assert.deepEqual(await search({ role: 0, statuses: [5] }), ['order-1']);
		assert.deepEqual(await search({ role: 0, load_ids: ['L2'] }), []);
		assert.deepEqual(await search({ role: 1 }), ['order-2']);
		assert.equal((await call('POST', '/v1.2/orders/search', { role: 2 })).status, 400);
	});

	test('the city autocomplete answers cities starting with the prefix, up to the limit; no prefix is a 400', async () => {
		const suggest = async (body: object) => {
			const res = await call('POST', '/gw/gis-dict/v1/autocomplete/suggestions', body);
			return [res.status, await json(res)] as const;
		};
		const [status, reply] = await suggest({ prefix: 'мОсК', suggestion_types: 1, limit: 1 });
		assert.equal(status, 200);
		assert.deepEqual(reply.suggestions, [
			{ city: { id: 1, name: 'Москва' }, region: { name: 'Москва' }, country: { name: 'Россия' } },
		]);
		assert.equal((await suggest({ prefix: 'моск' }))[1].suggestions.length, 2);
		assert.equal((await suggest({ prefix: '' }))[0], 400);
	});

	test('firms and dictionaries answer their lists; an unknown firm is 404', async () => {
		assert.equal((await json(await call('GET', '/v1.0/firms/234567/summary'))).ati_id, '234567');
		assert.equal((await call('GET', '/v1.0/firms/999/contacts/summary')).status, 404);
		const cities = (await (await call('GET', '/v1.0/dictionaries/cities')).json()) as Json[];
		assert.ok(cities.some((city) => city.CityName === 'Казань'));
	});
});
