import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ATI_CONCURRENCY } from '../../nodes/Ati/transport';
import { PRESENCE_GET_SINGLY_MAX } from '../../nodes/Ati/transport/presence';
import { useAti } from './ati-fixture';

const contact = (index: number) => `${100000 + index}.0`;
const itemsFor = (ids: string[]) => ids.map((id) => ({ id }));
const posted = (requests: ReadonlyArray<{ method: string; body: string }>) =>
	requests
		.filter((request) => request.method === 'POST')
		.map((request) => JSON.parse(request.body));

describe('ATI.SU presence: Get over many items', () => {
	const ati = useAti();

	test('250 items for 250 contacts send 3 POSTs of at most 100 and keep each item its own state', async () => {
		const ids = Array.from({ length: 250 }, (_, index) => contact(index));
		ati.simulator.setStates({ [ids[0]]: 'online', [ids[249]]: 'away' });

		const result = await ati.get(itemsFor(ids));

		assert.equal(result.error, undefined);
		const batches = posted(ati.simulator.requests);
		assert.deepEqual(
			batches.map((batch) => batch.length),
			[100, 100, 50],
		);
		assert.equal(ati.simulator.requests.length, 3);
		assert.deepEqual(
			result.items.map((item) => [item.json.code_id, item.pairedItem]),
			ids.map((id, item) => [id, { item }]),
		);
		assert.equal(result.items[0].json.state, 'online');
		assert.equal(result.items[1].json.state, 'offline');
		assert.equal(result.items[249].json.state, 'away');
	});

	test('items asking for the same contacts ask for each contact once', async () => {
		const ids = Array.from({ length: 300 }, (_, index) => contact(index % 120));
		const result = await ati.get(itemsFor(ids));

		assert.equal(result.items.length, 300);
		assert.deepEqual(
			posted(ati.simulator.requests).map((batch) => batch.length),
			[100, 20],
		);
	});

	test(`up to ${PRESENCE_GET_SINGLY_MAX} contacts are read with one GET each, side by side within the ATI limit`, async () => {
		ati.simulator.injectFault({ latencyMs: 20, ratio: 1 });
		const ids = Array.from({ length: 30 }, (_, index) => contact(index % PRESENCE_GET_SINGLY_MAX));
		const result = await ati.get(itemsFor(ids));

		assert.equal(result.error, undefined);
		assert.equal(ati.simulator.requests.length, PRESENCE_GET_SINGLY_MAX);
		assert.ok(ati.simulator.requests.every((request) => request.method === 'GET'));
		assert.ok(ati.simulator.maxConcurrentRequests <= ATI_CONCURRENCY);
		assert.deepEqual(
			result.items.map((item) => [item.json.code_id, item.pairedItem]),
			ids.map((id, item) => [id, { item }]),
		);
	});

	test('a contact the batch does not answer for is the error of its item alone', async () => {
		const ids = Array.from({ length: 20 }, (_, index) => contact(index));
		ati.simulator.injectFault({
			status: 200,
			body: ids.filter((id) => id !== ids[13]).map((code_id) => ({ code_id, state: 'online' })),
			match: { method: 'POST', path: '/presence/state' },
		});

		const result = await ati.get(itemsFor(ids), undefined, true);

		assert.equal(result.items.length, 20);
		assert.match(String(result.items[13].json.error), /returned no state for contact 100013\.0/);
		assert.equal(result.items[12].json.state, 'online');
		assert.deepEqual(result.items[13].pairedItem, { item: 13 });
	});

	test('without Continue On Fail a bad contact ID stops the run with its item number, before any request', async () => {
		const ids = Array.from({ length: 20 }, (_, index) => (index === 4 ? '123456' : contact(index)));
		const result = await ati.get(itemsFor(ids));

		assert.ok(result.error);
		assert.match(result.error.message, /"123456" is not an ATI contact ID/);
		assert.equal((result.error as { context?: { itemIndex?: number } }).context?.itemIndex, 4);
		assert.equal(ati.simulator.requests.length, 0);
	});
});
