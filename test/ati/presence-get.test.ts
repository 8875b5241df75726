import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useAti } from './ati-fixture';

describe('ATI.SU presence: Get', () => {
	const ati = useAti();

	test('returns the vendor shape {code_id, state} for each item, paired to it', async () => {
		ati.simulator.setStates({ '123456.0': 'online', '123.0': 'offline' });

		const result = await ati.get([{ id: '123456.0' }, { id: '123.0' }]);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json, item.pairedItem]),
			[
				[{ code_id: '123456.0', state: 'online' }, { item: 0 }],
				[{ code_id: '123.0', state: 'offline' }, { item: 1 }],
			],
		);
		assert.deepEqual(
			ati.simulator.requests.map((request) => `${request.method} ${request.path}`),
			['GET /presence/state/123456.0/', 'GET /presence/state/123.0/'],
		);
	});

	test('sends the token as Bearer, JSON Accept and the ATI integrator User-Agent', async () => {
		const credentialId = ati.harness.addCredential('atiApi', {
			accessToken: 'ati-demo-token',
			atiCode: '654321',
			baseUrl: ati.baseUrl,
		});
		await ati.harness.runNode(
			{
				type: 'ati',
				parameters: { resource: 'presence', operation: 'get', contactId: '123456.0' },
				credentials: { atiApi: credentialId },
			},
			[{}],
		);
		const [request] = ati.simulator.requests;
		assert.equal(request.headers.authorization, 'Bearer ati-demo-token');
		assert.equal(request.headers.accept, 'application/json');
		assert.equal(request.headers['user-agent'], 'ati_integrator_654321');
	});

	test('passes unknown states through unchanged', async () => {
		ati.simulator.setStates({ '234567.0': 'busy-on-a-call' });
		const result = await ati.get([{ id: '234567.0' }]);
		assert.deepEqual(result.items[0].json, { code_id: '234567.0', state: 'busy-on-a-call' });
	});

	test('an ID without the contact part fails that item, suggests the main contact, and sends nothing', async () => {
		const result = await ati.get([{ id: '123456.0' }, { id: '123456' }]);

		assert.ok(result.error);
		assert.match(result.error.message, /"123456" is not an ATI contact ID/);
		assert.match(String(result.error.description), /"123456\.0"/);
		assert.equal(result.error.context.itemIndex, 1);
		assert.equal(ati.simulator.requests.length, 1);
	});

	test('with Continue On Fail, N items in give N items out, the bad one as an error in place', async () => {
		const result = await ati.get(
			[{ id: '123456.0' }, { id: 'abc' }, { id: '234567.0' }],
			undefined,
			true,
		);

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 3);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
		assert.equal(result.items[0].json.code_id, '123456.0');
		assert.match(String(result.items[1].json.error), /"abc" is not an ATI contact ID/);
		assert.equal(result.items[2].json.code_id, '234567.0');
	});
});
