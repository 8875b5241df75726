import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { useAti } from './ati-fixture';

const WATCHED = '123456.0, 123456.1, 234567.0';

function changes(items: Array<{ json: Record<string, unknown> }>) {
	return items.map((item) => [item.json.code_id, item.json.previous_state, item.json.state]);
}

describe('ATI.SU Trigger', () => {
	const ati = useAti();
	beforeEach(() => {
		ati.simulator.setStates({ '123456.0': 'online', '123456.1': 'offline', '234567.0': 'online' });
	});

	test('the first poll records a baseline and emits nothing; later polls emit each change once', async () => {
		const poller = ati.harness.createPoller(ati.trigger({ contactIds: WATCHED }));

		assert.deepEqual((await poller.poll()).items, []);
		assert.deepEqual((await poller.poll()).items, [], 'nothing changed');

		ati.simulator.setStates({ '123456.1': 'online', '234567.0': 'offline' });
		const second = await poller.poll();
		assert.equal(second.error, undefined);
		assert.deepEqual(changes(second.items), [
			['123456.1', 'offline', 'online'],
			['234567.0', 'online', 'offline'],
		]);
		assert.ok(!Number.isNaN(Date.parse(String(second.items[0].json.changed_at))));

		assert.deepEqual((await poller.poll()).items, [], 'the same change is not emitted twice');
	});

	test('a restart that keeps static data neither repeats nor loses a change', async () => {
		const poller = ati.harness.createPoller(ati.trigger({ contactIds: WATCHED }));
		await poller.poll();
		ati.simulator.setStates({ '123456.0': 'offline' });
		assert.equal((await poller.poll()).items.length, 1);

		ati.simulator.setStates({ '123456.1': 'online' });
		const restarted = ati.harness.createPoller(
			ati.trigger({ contactIds: WATCHED }),
			poller.staticData,
		);
		assert.deepEqual(changes((await restarted.poll()).items), [['123456.1', 'offline', 'online']]);
		assert.deepEqual((await restarted.poll()).items, []);
	});

	test('a failed poll keeps the last recorded states, so the change comes with the next poll', async () => {
		const poller = ati.harness.createPoller(ati.trigger({ contactIds: WATCHED }));
		await poller.poll();
		ati.simulator.setStates({ '123456.0': 'offline' });
		ati.simulator.injectFault({ status: 500, times: 1 });

		const failed = await poller.poll();
		assert.match(String(failed.error?.message), /ATI\.SU answered with an error \(500\)/);

		assert.deepEqual(changes((await poller.poll()).items), [['123456.0', 'online', 'offline']]);
	});

	test('"Went Online" emits only contacts that were offline and are not now', async () => {
		const poller = ati.harness.createPoller(
			ati.trigger({ contactIds: WATCHED, event: 'wentOnline' }),
		);
		await poller.poll();
		ati.simulator.setStates({ '123456.0': 'offline', '123456.1': 'away' });

		assert.deepEqual(changes((await poller.poll()).items), [['123456.1', 'offline', 'away']]);
	});

	test('"Went Offline" emits only contacts that became offline', async () => {
		const poller = ati.harness.createPoller(
			ati.trigger({ contactIds: WATCHED, event: 'wentOffline' }),
		);
		await poller.poll();
		ati.simulator.setStates({ '123456.0': 'offline', '123456.1': 'online' });

		assert.deepEqual(changes((await poller.poll()).items), [['123456.0', 'online', 'offline']]);
	});

	test('the "Emit Current States on First Poll" option emits every state at once', async () => {
		const poller = ati.harness.createPoller(
			ati.trigger({ contactIds: WATCHED, options: { emitCurrentStates: true } }),
		);

		assert.deepEqual(changes((await poller.poll()).items), [
			['123456.0', null, 'online'],
			['123456.1', null, 'offline'],
			['234567.0', null, 'online'],
		]);
		assert.deepEqual((await poller.poll()).items, []);
	});

	test('a contact added to the watch list joins the baseline without a spurious event', async () => {
		const poller = ati.harness.createPoller(ati.trigger({ contactIds: '123456.0' }));
		await poller.poll();
		const widened = ati.harness.createPoller(
			ati.trigger({ contactIds: WATCHED }),
			poller.staticData,
		);

		assert.deepEqual((await widened.poll()).items, []);
		ati.simulator.setStates({ '234567.0': 'offline' });
		assert.deepEqual(changes((await widened.poll()).items), [['234567.0', 'online', 'offline']]);
	});

	test('250 watched contacts are polled in 3 requests of at most 100', async () => {
		const ids = Array.from({ length: 250 }, (_, index) => `${900000 + index}.0`);
		const poller = ati.harness.createPoller(ati.trigger({ contactIds: ids.join(',') }));

		await poller.poll();

		const sizes = ati.simulator.requests.map(
			(request) => (JSON.parse(request.body) as string[]).length,
		);
		assert.deepEqual(
			sizes.sort((a, b) => b - a),
			[100, 100, 50],
		);
	});

	test('manual mode returns the current states as sample data', async () => {
		const result = await ati.harness.runTriggerManually(ati.trigger({ contactIds: WATCHED }));

		assert.equal(result.error, undefined);
		assert.deepEqual(changes(result.items), [
			['123456.0', null, 'online'],
			['123456.1', null, 'offline'],
			['234567.0', null, 'online'],
		]);
	});

	test('a bad contact ID stops the poll with a clear error', async () => {
		const poller = ati.harness.createPoller(ati.trigger({ contactIds: '123456.0, 77' }));

		const result = await poller.poll();

		assert.match(String(result.error?.message), /"77" is not an ATI contact ID/);
		assert.equal(ati.simulator.requests.length, 0);
	});
});
