import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useOneC } from './one-c-fixture';

const ROMASHKA = 'xa29b1a9-26ef-11e8-80e6-x025904f970x';

/** The trigger's own static data, as n8n keeps it per node. */
function watchOf(staticData: Record<string, unknown>): Record<string, unknown> {
	const key = Object.keys(staticData).find((name) => name.startsWith('node:'));
	assert.ok(key, 'the trigger keeps node static data');
	return staticData[key] as Record<string, unknown>;
}

function names(items: Array<{ json: Record<string, unknown> }>) {
	return items.map((item) => item.json.Name);
}

describe('1C-Connect Trigger', () => {
	const oneC = useOneC();

	test('the first poll records a baseline and emits nothing; a change is emitted once, a new change again', async () => {
		const poller = oneC.harness.createPoller(oneC.trigger({ event: 'client' }));

		assert.deepEqual((await poller.poll()).items, []);
		assert.deepEqual(
			(await poller.poll()).items,
			[],
			'the overlap returns the same clients: no repeats',
		);

		oneC.simulator.addObject('Client', { ClientID: ROMASHKA, Name: 'ООО «Ромашка+»' });
		const changed = await poller.poll();
		assert.equal(changed.error, undefined);
		assert.deepEqual(names(changed.items), ['ООО «Ромашка+»']);
		assert.equal(changed.items[0].json.ClientID, ROMASHKA);

		assert.deepEqual((await poller.poll()).items, [], 'the same change is not emitted twice');

		oneC.simulator.addObject('Client', { ClientID: ROMASHKA, Name: 'ООО «Ромашка++»' });
		assert.deepEqual(names((await poller.poll()).items), ['ООО «Ромашка++»']);
	});

	test('each poll asks ClientRead for ChangedFrom = last poll minus the overlap, in the API time zone', async () => {
		const poller = oneC.harness.createPoller(
			oneC.trigger({ event: 'client', options: { timeZone: 'Europe/Moscow', overlapMinutes: 10 } }),
		);
		const started = Date.now();
		await poller.poll();

		const sent = /name="ChangedFrom"><v8:Value xsi:type="xs:dateTime">([^<]+)</.exec(
			oneC.simulator.requests[0].body,
		)?.[1];
		const expected = started - 10 * 60_000 + 3 * 60 * 60_000;
		assert.ok(sent, 'ChangedFrom is sent');
		assert.ok(
			Math.abs(Date.parse(`${sent}Z`) - expected) < 5_000,
			`${sent} is Moscow time minus 10 min`,
		);
		assert.equal(typeof watchOf(poller.staticData).watermark, 'number');
	});

	test('a deletion is emitted as the client with Deleted = true', async () => {
		const poller = oneC.harness.createPoller(oneC.trigger({ event: 'client' }));
		await poller.poll();
		await oneC.run('client', 'delete', { clientID: ROMASHKA });

		const items = (await poller.poll()).items;
		assert.deepEqual(
			items.map((item) => [item.json.ClientID, item.json.Deleted]),
			[[ROMASHKA, true]],
		);
	});

	test('a restart that keeps static data neither repeats nor loses a change', async () => {
		const poller = oneC.harness.createPoller(oneC.trigger({ event: 'client' }));
		await poller.poll();
		oneC.simulator.addObject('Client', { ClientID: ROMASHKA, Name: 'до перезапуска' });
		assert.equal((await poller.poll()).items.length, 1);

		oneC.simulator.addObject('Client', { Name: 'Новый клиент' });
		const restarted = oneC.harness.createPoller(
			oneC.trigger({ event: 'client' }),
			poller.staticData,
		);
		assert.deepEqual(names((await restarted.poll()).items), ['Новый клиент']);
		assert.deepEqual((await restarted.poll()).items, []);
	});

	test('a spent hourly limit skips the poll without an error and without moving the watermark', async () => {
		const poller = oneC.harness.createPoller(oneC.trigger({ event: 'client' }));
		await poller.poll();
		const watermark = watchOf(poller.staticData).watermark;
		oneC.simulator.addObject('Client', { ClientID: ROMASHKA, Name: 'при исчерпанном лимите' });
		oneC.simulator.limits.set({ ClientRead: 1 });

		const skipped = await poller.poll();
		assert.equal(skipped.error, undefined);
		assert.deepEqual(skipped.items, []);
		assert.equal(watchOf(poller.staticData).watermark, watermark);

		oneC.simulator.limits.set({ ClientRead: 250 });
		assert.deepEqual(names((await poller.poll()).items), ['при исчерпанном лимите']);
	});

	test('a failed poll keeps the watermark, so the change comes with the next poll', async () => {
		const poller = oneC.harness.createPoller(oneC.trigger({ event: 'client' }));
		await poller.poll();
		oneC.simulator.addObject('Client', { ClientID: ROMASHKA, Name: 'после сбоя' });
		oneC.simulator.injectFault({ status: 500, body: 'Internal error' });

		const failed = await poller.poll();
		assert.match(String(failed.error?.message), /1C-Connect answered with an error \(500\)/);
		assert.deepEqual(names((await poller.poll()).items), ['после сбоя']);
	});

	test('service calls: polls closer than 6 minutes are skipped; later, new calls are emitted once', async () => {
		const poller = oneC.harness.createPoller(oneC.trigger({ event: 'serviceCall' }));
		await poller.poll();
		await poller.poll();
		assert.deepEqual(
			oneC.operations(),
			['GetHistoryOfServiceCalls'],
			'the second poll sent nothing',
		);
		assert.match(oneC.simulator.requests[0].body, /name="PeriodTo"/);

		const start = new Date(Date.now() - 60_000).toISOString().slice(0, 19);
		oneC.simulator.addListRows('GetHistoryOfServiceCalls', [
			{ ServiceCallID: 'call-new', Start: start },
		]);
		const stored = poller.staticData;
		watchOf(stored).lastCallAt = Date.now() - 7 * 60_000;
		const later = oneC.harness.createPoller(oneC.trigger({ event: 'serviceCall' }), stored);
		const items = (await later.poll()).items;
		assert.deepEqual(
			items.map((item) => item.json.ServiceCallID),
			['call-new'],
		);
	});

	test('service requests are watched with ServiceRequestRead and PeriodFrom', async () => {
		const poller = oneC.harness.createPoller(oneC.trigger({ event: 'serviceRequest' }));
		await poller.poll();
		await oneC.run('serviceRequest', 'create', {
			serviceLineKindID: 'line-1c',
			userID: 'user-anna',
			additionalFields: { description: 'Не проводится документ' },
		});

		const items = (await poller.poll()).items;
		assert.deepEqual(
			items.map((item) => item.json.Description),
			['Не проводится документ'],
		);
		assert.ok(oneC.operations().includes('ServiceRequestRead'));
	});

	test('manual mode returns recent objects as sample data', async () => {
		const result = await oneC.harness.runTriggerManually(oneC.trigger({ event: 'client' }));

		assert.equal(result.error, undefined);
		assert.deepEqual(names(result.items), ['ООО «Ромашка»', 'ИП Сидоров']);
	});
});
