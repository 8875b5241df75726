import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeParameters } from 'n8n-workflow';

import { resetAfterRequest, respond, respondJson, sequence } from '../support/hostile-server';
import { useHostileAti } from './hostile-fixture';

const CREATE: INodeParameters = {
	resource: 'load',
	operation: 'create',
	loadingCity: { __rl: true, mode: 'id', value: '1' },
	loadingDate: '2026-12-10',
	unloadingCity: { __rl: true, mode: 'id', value: '3' },
	cargoType: { __rl: true, mode: 'id', value: '2' },
	contactIds: '1',
	externalId: 'TMS-9',
};
const PUBLISHED = { cargo_application: { cargo_application_id: 'c1', external_id: 'TMS-9' } };

describe('ATI.SU against a hostile server: load and order writes', () => {
	const ati = useHostileAti();

	for (const [name, behaviour] of [
		['504', respond(504)],
		['a dropped connection', resetAfterRequest()],
	] as const) {
		test(`a Create met by ${name} is not sent again: the load may have been published`, async () => {
			const server = await ati.serve(sequence(behaviour, respondJson(200, PUBLISHED)));

			const result = await ati.run(server, CREATE, [{}]);

			assert.ok(result.error);
			assert.equal(server.count, 1);
			assert.match(String(result.error.description), /may have/i);
		});
	}

	test('a Create refused with 429, which proves nothing was taken, is sent again', async () => {
		const server = await ati.serve(sequence(respond(429), respondJson(200, PUBLISHED)));

		const result = await ati.run(server, CREATE, [{}]);

		assert.equal(result.error, undefined);
		assert.equal(result.items[0].json.cargo_application_id, 'c1');
		assert.equal(server.count, 2);
	});

	test('a Create answered 200 without the load says to look it up by External ID', async () => {
		const server = await ati.serve(respondJson(200, { ok: true }));

		const result = await ati.run(server, CREATE, [{}]);

		assert.match(String(result.error?.message), /without the load/);
		assert.match(String(result.error?.description), /External ID/);
		assert.equal(server.count, 1);
	});

	test('an Invite met by a dropped connection is not sent again', async () => {
		const server = await ati.serve(sequence(resetAfterRequest(), respondJson(200, { id: 'i1' })));

		const result = await ati.run(
			server,
			{
				resource: 'order',
				operation: 'invite',
				loadId: 'c1',
				carrierAtiId: '234567',
				contactIds: '0',
				price: 1000,
				currencyId: 1,
			},
			[{}],
		);

		assert.ok(result.error);
		assert.equal(server.count, 1);
	});

	for (const operation of ['delete', 'renew']) {
		test(`a ${operation} met by a dropped connection is not sent again`, async () => {
			const server = await ati.serve(sequence(resetAfterRequest(), respondJson(200, null)));

			const result = await ati.run(server, { resource: 'load', operation, loadId: 'c1' }, [{}]);

			assert.ok(result.error);
			assert.equal(server.count, 1);
		});
	}

	test('an Invite answered 200 with an empty body is a sent invitation', async () => {
		const server = await ati.serve(respond(200));

		const result = await ati.run(
			server,
			{
				resource: 'order',
				operation: 'invite',
				loadId: 'c1',
				carrierAtiId: '234567',
				contactIds: '0',
				price: 1000,
				currencyId: 1,
			},
			[{}],
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			[result.items[0].json.invited, result.items[0].json.taker_ati_id],
			[true, '234567'],
		);
	});

	test('an Update, a full replacement, is sent again after 502', async () => {
		const server = await ati.serve(sequence(respond(502), respondJson(200, PUBLISHED)));

		const result = await ati.run(server, { ...CREATE, operation: 'update', loadId: 'c1' }, [{}]);

		assert.equal(result.error, undefined);
		assert.equal(server.count, 2);
	});
});
