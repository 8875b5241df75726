import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { bitrix24DemoCredentials } from '../../sandbox/bitrix24';
import type { Bitrix24Fixture } from './bitrix24-fixture';
import { useBitrix24 } from './bitrix24-fixture';

const offlineTrigger = (b24: Bitrix24Fixture, parameters: INodeParameters = {}) => ({
	type: 'bitrix24OfflineEventTrigger',
	parameters: { events: ['ONCRMDEALADD', 'ONCRMDEALUPDATE'], ...parameters },
	credentials: { bitrix24OAuth2Api: b24.oauthId },
});

const restCalls = (b24: Bitrix24Fixture, method: string) =>
	b24.restCalls().filter((call) => call.path === `/rest/${method}.json`);

const queued = (b24: Bitrix24Fixture) => b24.simulator.events.offline.records;

async function updateDeal(b24: Bitrix24Fixture, id: string, extra: IDataObject = {}) {
	const result = await b24.call(
		[{}],
		{
			method: 'crm.deal.update',
			parameters: JSON.stringify({ id, fields: { STAGE_ID: 'WON' }, ...extra }),
		},
		'oAuth2',
	);
	assert.equal(result.error, undefined, result.error?.message);
}

describe('Bitrix24 Offline Event Trigger', () => {
	const b24 = useBitrix24();

	test('the first poll binds the events as offline events under the source key n8n; a change is emitted by the next poll and cleared by the one after', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		assert.deepEqual((await poller.poll()).items, []);
		assert.deepEqual(b24.simulator.events.offline.bindings, [
			{ event: 'ONCRMDEALADD', connector: 'n8n' },
			{ event: 'ONCRMDEALUPDATE', connector: 'n8n' },
		]);
		assert.equal(b24.simulator.events.appHandlers().length, 0, 'no URL is bound');

		b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '12' });
		const { items, error } = await poller.poll();
		assert.equal(error, undefined, error?.message);
		assert.equal(items.length, 1);
		assert.equal(items[0].json.event, 'ONCRMDEALUPDATE');
		assert.equal(items[0].json.id, '12');
		assert.equal(queued(b24).length, 1, 'kept (reserved) until n8n has taken the execution');

		assert.deepEqual((await poller.poll()).items, []);
		assert.deepEqual(queued(b24), [], 'cleared after the emit');
		assert.equal(restCalls(b24, 'event.bind').length, 2, 'bound once');
	});

	test('many changes become one execution with many items, up to Max Events per Execution', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24, { options: { maxEvents: 100 } }));
		await poller.poll();
		for (let id = 1; id <= 130; id++) {
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: String(id) });
		}
		const first = await poller.poll();
		assert.equal(first.items.length, 100);
		const second = await poller.poll();
		assert.equal(second.items.length, 30);
		const ids = [...first.items, ...second.items].map((item) => Number(item.json.id));
		assert.deepEqual(
			ids.sort((a, b) => a - b),
			Array.from({ length: 130 }, (_, index) => index + 1),
		);
		assert.deepEqual((await poller.poll()).items, []);
		assert.deepEqual(queued(b24), []);
	});

	test('the queue keeps one record per object: a deal changed three times before a poll is one item', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		await poller.poll();
		for (let change = 0; change < 3; change++) {
			b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '5' });
		}
		assert.equal((await poller.poll()).items.length, 1);
	});

	test('a restart between emit and clear loses nothing and emits nothing twice', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		await poller.poll();
		b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '21' });
		b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '22' });
		const emitted = await poller.poll();
		assert.equal(emitted.items.length, 2);

		// n8n saved the poll's static data as it started the execution, then restarted.
		const restarted = b24.harness.createPoller(offlineTrigger(b24), poller.staticData);
		b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '23' });
		const after = await restarted.poll();
		assert.deepEqual(
			after.items.map((item) => item.json.id),
			['23'],
		);
		await restarted.poll();
		assert.deepEqual(queued(b24), []);
	});

	test('a crash before n8n saved the emit: the reserved records come back once to the same trigger, and to no other reader', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		await poller.poll();
		const beforeEmit = poller.staticData;
		b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '31' });
		assert.equal((await poller.poll()).items.length, 1);

		const other = await b24.call(
			[{}],
			{
				method: 'event.offline.get',
				parameters: JSON.stringify({ clear: 0, auth_connector: 'n8n' }),
			},
			'oAuth2',
		);
		assert.deepEqual(
			(other.items[0].json.result as IDataObject).events,
			[],
			'hidden from other readers while reserved',
		);

		// The emit was never recorded: n8n comes back with the static data from before it.
		const restarted = b24.harness.createPoller(offlineTrigger(b24), beforeEmit);
		const again = await restarted.poll();
		assert.deepEqual(
			again.items.map((item) => item.json.id),
			['31'],
		);
		assert.deepEqual((await restarted.poll()).items, []);
		assert.deepEqual(queued(b24), []);
	});

	test('a workflow that updates the deal it was started by does not start itself (auth_connector n8n); other changes still come', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		await poller.poll();
		b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '2' });
		const [started] = (await poller.poll()).items;
		await updateDeal(b24, String(started.json.id), { auth_connector: 'n8n' });
		assert.deepEqual((await poller.poll()).items, [], 'its own write is not queued');

		await updateDeal(b24, '3');
		assert.deepEqual(
			(await poller.poll()).items.map((item) => item.json.id),
			['3'],
			'a write without the key is',
		);
	});

	test('Deal → Update with the OAuth2 app carries the source key: its own change is not queued, so no loop', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		await poller.poll();
		b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '4' });
		const [started] = (await poller.poll()).items;

		const updated = await b24.harness.runNode(
			b24.node(
				{
					resource: 'deal',
					operation: 'update',
					recordId: { __rl: true, mode: 'id', value: String(started.json.id) },
					fields: { mappingMode: 'defineBelow', value: { STAGE_ID: 'WON' } },
				},
				'oAuth2',
			),
		);

		assert.equal(updated.error, undefined, updated.error?.message);
		assert.equal(b24.simulator.portal.crm.deal.find(4).STAGE_ID, 'WON');
		assert.deepEqual((await poller.poll()).items, [], 'the node\u2019s own write is not queued');
	});

	test('Fetch Full Record reads the deals in one batch; a read that fails gives the items an error and loses none', async () => {
		const node = offlineTrigger(b24, { fetchFullRecord: true, options: { timeout: 5 } });
		const poller = b24.harness.createPoller(node);
		await poller.poll();
		await updateDeal(b24, '1');
		await updateDeal(b24, '2');
		const { items } = await poller.poll();
		assert.deepEqual(
			items.map((item) => (item.json.record as IDataObject).ID),
			['1', '2'],
		);
		assert.equal(restCalls(b24, 'crm.deal.get').length, 0, 'read with one batch');

		b24.simulator.injectFault({ status: 500, match: { path: '/rest/crm.deal.get.json' } });
		await updateDeal(b24, '4');
		const failed = await poller.poll();
		assert.equal(failed.items.length, 1);
		assert.equal(failed.items[0].json.id, '4');
		assert.match(String(failed.items[0].json.error), /crm\.deal\.get/);
	});

	test('events taken off the list are unbound; their queued records start nothing and are left for a trigger that wants them', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		await poller.poll();
		b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '40' });
		const narrowed = b24.harness.createPoller(
			offlineTrigger(b24, { events: ['ONCRMDEALUPDATE'] }),
			poller.staticData,
		);
		assert.deepEqual((await narrowed.poll()).items, []);
		assert.deepEqual(
			b24.simulator.events.offline.bindings.map((bound) => bound.event),
			['ONCRMDEALUPDATE'],
		);
		assert.deepEqual(
			queued(b24).map((record) => [record.EVENT_NAME, record.PROCESS_ID]),
			[['ONCRMDEALADD', '']],
		);
	});

	test('two triggers with the same Source Key take only their own events and never clear the other\u2019s', async () => {
		const deals = b24.harness.createPoller({
			...offlineTrigger(b24, { events: ['ONCRMDEALADD'] }),
			nodeId: 'deals',
		});
		const leads = b24.harness.createPoller({
			...offlineTrigger(b24, { events: ['ONCRMLEADADD'] }),
			nodeId: 'leads',
		});
		await deals.poll();
		await leads.poll();
		b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '61' });
		b24.simulator.portal.recordChanged('ONCRMLEADADD', { ID: '62' });

		assert.deepEqual(
			(await deals.poll()).items.map((item) => [item.json.event, item.json.id]),
			[['ONCRMDEALADD', '61']],
		);
		await deals.poll();
		assert.deepEqual(
			(await leads.poll()).items.map((item) => [item.json.event, item.json.id]),
			[['ONCRMLEADADD', '62']],
		);
		await leads.poll();
		assert.deepEqual(queued(b24), []);
	});

	test('the portal\u2019s list of bindings names no Source Key: each event is bound once and later polls bind nothing', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		for (let poll = 0; poll < 3; poll++) {
			const { error } = await poller.poll();
			assert.equal(error, undefined, error?.message);
		}
		const listed = await b24.call([{}], { method: 'event.get', parameters: '{}' }, 'oAuth2');
		assert.ok(
			(listed.items[0].json.result as IDataObject[]).every(
				(bound) => bound.auth_connector === undefined,
			),
		);
		assert.equal(restCalls(b24, 'event.bind').length, 2);
	});

	test('a trigger activated by the earlier version (events bound, no key kept) binds nothing again', async () => {
		const first = b24.harness.createPoller(offlineTrigger(b24));
		await first.poll();
		const earlier = { 'node:Node Under Test': { bound: ['ONCRMDEALADD', 'ONCRMDEALUPDATE'] } };
		const upgraded = b24.harness.createPoller(offlineTrigger(b24), earlier);
		const { error } = await upgraded.poll();
		assert.equal(error, undefined, error?.message);
		assert.equal(restCalls(b24, 'event.bind').length, 2);
		assert.equal(b24.simulator.events.offline.bindings.length, 2);
	});

	test('a new Source Key removes the bindings of the old one on the next poll', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		await poller.poll();
		const renamed = b24.harness.createPoller(
			offlineTrigger(b24, { sourceKey: 'sales' }),
			poller.staticData,
		);
		const { error } = await renamed.poll();
		assert.equal(error, undefined, error?.message);
		assert.deepEqual(b24.simulator.events.offline.bindings, [
			{ event: 'ONCRMDEALADD', connector: 'sales' },
			{ event: 'ONCRMDEALUPDATE', connector: 'sales' },
		]);
	});

	test('a poll asks the queue once', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		await poller.poll();
		b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '70' });
		const before = restCalls(b24, 'event.offline.get').length;
		assert.equal((await poller.poll()).items.length, 1);
		assert.equal(restCalls(b24, 'event.offline.get').length - before, 1);
	});

	test('many events start one execution by default, and one execution each with One Execution per Event; all are cleared by the next poll', async () => {
		const together = b24.harness.createPoller(offlineTrigger(b24));
		await together.poll();
		for (const id of ['81', '82', '83']) {
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: id });
		}
		const one = await together.poll();
		assert.deepEqual([one.emits, one.items.length], [1, 3]);
		await together.poll();

		const apart = b24.harness.createPoller(
			offlineTrigger(b24, { options: { executionPerEvent: true } }),
			together.staticData,
		);
		for (const id of ['84', '85', '86']) {
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: id });
		}
		const each = await apart.poll();
		assert.equal(each.error, undefined, each.error?.message);
		assert.equal(each.emits, 3);
		assert.deepEqual(
			each.items.map((item) => item.json.id),
			['84', '85', '86'],
		);
		assert.equal((await apart.poll()).emits, 0);
		assert.deepEqual(queued(b24), []);
	});

	test('the editor\u2019s test run shows the newest queued event and takes nothing from the queue', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		await poller.poll();
		b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: '50' });
		b24.simulator.portal.recordChanged('ONCRMDEALUPDATE', { ID: '51' });
		const manual = await b24.harness.runTriggerManually(offlineTrigger(b24));
		assert.equal(manual.error, undefined, manual.error?.message);
		assert.deepEqual(
			manual.items.map((item) => [item.json.event, item.json.id]),
			[['ONCRMDEALUPDATE', '51']],
		);
		assert.equal(restCalls(b24, 'event.offline.get').length, 1, 'only the first poll asked');
		assert.deepEqual(
			(await poller.poll()).items.map((item) => item.json.id),
			['50', '51'],
		);
	});

	test('the editor\u2019s test run shows the newest event even with more than a page queued', async () => {
		const poller = b24.harness.createPoller(offlineTrigger(b24));
		await poller.poll();
		for (let id = 1; id <= 60; id++) {
			b24.simulator.portal.recordChanged('ONCRMDEALADD', { ID: String(id) });
		}
		const manual = await b24.harness.runTriggerManually(offlineTrigger(b24));
		assert.equal(manual.error, undefined, manual.error?.message);
		assert.deepEqual(
			manual.items.map((item) => item.json.id),
			['60'],
		);
	});

	test('a credential of a user who is not a portal administrator gets Bitrix24\u2019s refusal', async () => {
		const tokens = b24.simulator.tokens.issue(15);
		const notAdmin = b24.harness.addCredential('bitrix24OAuth2Api', {
			...bitrix24DemoCredentials(b24.baseUrl).bitrix24OAuth2Api,
			oauthTokenData: {
				access_token: tokens.access,
				refresh_token: tokens.refresh,
				expires_in: 3600,
			},
		});
		const poller = b24.harness.createPoller({
			...offlineTrigger(b24),
			credentials: { bitrix24OAuth2Api: notAdmin },
		});
		const { error } = await poller.poll();
		assert.match(String(error?.message), /administrator/);
	});
});
