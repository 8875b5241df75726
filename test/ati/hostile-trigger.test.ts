import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { dripBody, respond } from '../support/hostile-server';
import { SLACK_MS, presenceServer, useHostileAti } from './hostile-fixture';

const WATCHED = '123456.0, 234567.0';

/** What a hostile ATI.SU adds to every reply: contacts nobody watches, and prototype keys. */
const STRANGERS = [
	{ code_id: '__proto__', state: 'online' },
	{ code_id: 'constructor', state: 'online' },
	{ code_id: 'toString', state: 'offline' },
	{ code_id: '777777.0', state: 'online' },
];

function changes(items: Array<{ json: Record<string, unknown> }>) {
	return items.map((item) => [item.json.code_id, item.json.previous_state, item.json.state]);
}

describe('ATI.SU Trigger against a hostile server', () => {
	const ati = useHostileAti();

	test('contacts nobody watches and prototype code_ids never fire, nor enter the record', async () => {
		let states: Record<string, string> = { '123456.0': 'online', '234567.0': 'offline' };
		let strangers = STRANGERS;
		const server = await ati.serve(presenceServer(() => states, strangers));
		const poller = ati.poller(server, { contactIds: WATCHED });

		assert.deepEqual((await poller.poll()).items, [], 'the first poll records a baseline');
		strangers = STRANGERS.map((entry) => ({ ...entry, state: 'away' }));
		const second = await poller.poll();
		const third = await poller.poll();
		states = { ...states, '234567.0': 'online' };
		const fourth = await poller.poll();

		assert.equal(second.error, undefined);
		assert.deepEqual(second.items, []);
		assert.deepEqual(third.items, []);
		assert.deepEqual(changes(fourth.items), [['234567.0', 'offline', 'online']]);
		assert.deepEqual(poller.staticData, {
			'node:Node Under Test': { states: { '123456.0': 'online', '234567.0': 'online' } },
		});
		assert.equal(server.count, 4);
	});

	test('manual mode and "Emit Current States" show only watched contacts', async () => {
		const server = await ati.serve(
			presenceServer(() => ({ '123456.0': 'online', '234567.0': 'offline' }), STRANGERS),
		);
		const node = {
			type: 'atiTrigger',
			parameters: { event: 'anyChange', contactIds: WATCHED },
			credentials: {
				atiApi: ati.harness.addCredential('atiApi', { accessToken: 't', baseUrl: server.url }),
			},
		};

		const manual = await ati.harness.runTriggerManually(node);
		const first = await ati
			.poller(server, { contactIds: WATCHED, options: { emitCurrentStates: true } })
			.poll();

		const expected = [
			['123456.0', null, 'online'],
			['234567.0', null, 'offline'],
		];
		assert.deepEqual(changes(manual.items), expected);
		assert.deepEqual(changes(first.items), expected);
	});

	test('a poll answered with `null` fails with a clear error and keeps the record', async () => {
		let broken = false;
		const states = { '123456.0': 'online', '234567.0': 'offline' };
		const answer = presenceServer(() => states);
		const server = await ati.serve((socket, request, index) =>
			broken ? respond(200, 'null')(socket, request, index) : answer(socket, request, index),
		);
		const poller = ati.poller(server, { contactIds: WATCHED });
		await poller.poll();

		broken = true;
		const failed = await poller.poll();

		assert.equal(
			failed.error?.message,
			'ATI.SU answered the presence request for 2 contacts with something other than a list of objects: "null"',
		);
		assert.deepEqual(poller.staticData, {
			'node:Node Under Test': { states: { '123456.0': 'online', '234567.0': 'offline' } },
		});
	});

	test('a poll against a dripping server ends within its Timeout', async () => {
		const server = await ati.serve(dripBody(200, {}, 100));
		const poller = ati.poller(server, { contactIds: WATCHED, options: { timeout: 1 } });

		const started = Date.now();
		const result = await poller.poll();
		const elapsedMs = Date.now() - started;

		assert.equal(result.error?.message, 'ATI.SU did not answer within 1 s (3 attempts)');
		assert.ok(elapsedMs < 3 * 1000 + SLACK_MS, `took ${elapsedMs} ms`);
		assert.equal(server.count, 3);
	});
});
