import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeParameters } from 'n8n-workflow';

import { startTrigger } from '../harness/trigger-runner';
import type { Bitrix24Fixture } from './bitrix24-fixture';
import { useBitrix24 } from './bitrix24-fixture';
import { waitUntil } from '../support/wait-until';

const triggerNode = (b24: Bitrix24Fixture, parameters: INodeParameters = {}) => ({
	type: 'bitrix24Trigger',
	parameters: { options: { connection: 'longPolling' }, ...parameters },
	credentials: { bitrix24OAuth2Api: b24.oauthId },
});

async function publish(b24: Bitrix24Fixture, commands: string[], moduleId = 'my_app') {
	const result = await b24.realtime(
		'publishEvent',
		{
			command: '={{ $json.command }}',
			params: '={{ JSON.stringify({ n: $json.n }) }}',
			moduleId,
		},
		'oAuth2',
		commands.map((command, n) => ({ command, n })),
	);
	assert.equal(result.error, undefined);
}

const listening = (b24: Bitrix24Fixture) => () => b24.simulator.pull.connections > 0;
const configCalls = (b24: Bitrix24Fixture) =>
	b24.restCalls().filter((call) => call.path === '/rest/pull.application.config.get.json');
const timers = () =>
	process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

for (const version of [4, 5] as const) {
	describe(`Bitrix24 Trigger, Push & Pull server version ${version}`, () => {
		const b24 = useBitrix24();

		test('delivers published events in order, one item each, with their mid and channel', async () => {
			b24.simulator.configurePull({ version, holdMs: 3_000 });
			const trigger = await startTrigger(b24.harness, triggerNode(b24));
			try {
				await waitUntil(listening(b24), 'the first long poll');
				await publish(b24, ['first', 'second', 'third']);

				const items = await trigger.waitForItems(3);
				assert.deepEqual(
					items.map((item) => [item.json.moduleId, item.json.command, item.json.params]),
					[
						['my_app', 'first', { n: 0 }],
						['my_app', 'second', { n: 1 }],
						['my_app', 'third', { n: 2 }],
					],
				);
				assert.match(String(items[0].json.mid), /^[0-9a-f]{32}$/);
				if (version === 4) assert.notEqual(items[0].json.channel, '');
				// Version 5 names no channel; the sender comes in extra, as the SDK reads it.
				else
					assert.deepEqual((items[0].json.extra as { sender?: unknown }).sender, {
						type: 2,
						id: '',
					});
				assert.ok(
					b24.simulator.requests.some(
						(request) =>
							request.path === '/sub/' &&
							request.query.includes('revision=19') &&
							request.query.includes('jsonRpc=true') === (version === 5),
					),
				);
			} finally {
				await trigger.close();
			}
		});

		for (const expiryAction of ['restart', 'reconnect'] as const) {
			test(`across a forced channel expiry (${expiryAction}) it ${expiryAction === 'restart' ? 'refetches the config' : 'moves to the channel the server names'} and neither repeats nor loses an event`, async () => {
				b24.simulator.configurePull({ version, holdMs: 3_000, replayOnExpiry: 2, expiryAction });
				const trigger = await startTrigger(b24.harness, triggerNode(b24));
				try {
					await waitUntil(listening(b24), 'the first long poll');
					await publish(b24, ['a', 'b', 'c']);
					await trigger.waitForItems(3);

					const polls = b24.simulator.requests.filter((request) => request.path === '/sub/').length;
					b24.simulator.pull.expireChannels();
					if (expiryAction === 'restart') {
						await waitUntil(() => configCalls(b24).length === 2, 'a second config fetch');
						assert.deepEqual(JSON.parse(configCalls(b24)[1].body), { CACHE: 'N', REOPEN: 'N' });
					} else {
						await waitUntil(
							() =>
								b24.simulator.requests.filter((request) => request.path === '/sub/').length > polls,
							'a poll on the new channels',
						);
					}
					await waitUntil(listening(b24), 'a long poll on the new channels');
					await publish(b24, ['d', 'e']);

					const items = await trigger.waitForItems(5);
					await new Promise((resolve) => setTimeout(resolve, 200));
					assert.deepEqual(
						trigger.items.map((item) => item.json.command),
						['a', 'b', 'c', 'd', 'e'],
					);
					assert.equal(new Set(items.map((item) => item.json.mid)).size, 5);
					const replayed = b24.simulator
						.state()
						.pull.sent.filter((message) => ['b', 'c'].includes(message.text.command));
					assert.equal(replayed.length, 4, 'the server did send b and c twice');
					assert.ok(
						b24.simulator.requests.some(
							(request) => request.path === '/sub/' && /(^|&)mid=[0-9a-f]{32}/.test(request.query),
						),
						'polls resume with mid=',
					);
					if (expiryAction === 'reconnect') {
						assert.equal(configCalls(b24).length, 1, 'no config fetch: the SDK takes new_channel');
					}
				} finally {
					await trigger.close();
				}
			});
		}
	});
}

describe('Bitrix24 Trigger: filters, manual runs, errors and closing', () => {
	const b24 = useBitrix24();

	test('only the chosen module and commands are emitted', async () => {
		b24.simulator.configurePull({ holdMs: 3_000 });
		const trigger = await startTrigger(
			b24.harness,
			triggerNode(b24, { moduleId: 'my_app', commands: 'paid, shipped' }),
		);
		try {
			await waitUntil(listening(b24), 'the first long poll');
			await publish(b24, ['created', 'paid'], 'other_app');
			await publish(b24, ['created', 'paid', 'shipped']);

			await trigger.waitForItems(2);
			await new Promise((resolve) => setTimeout(resolve, 200));
			assert.deepEqual(
				trigger.items.map((item) => [item.json.moduleId, item.json.command]),
				[
					['my_app', 'paid'],
					['my_app', 'shipped'],
				],
			);
		} finally {
			await trigger.close();
		}
	});

	test('a server restart announcement makes it fetch the config again and carry on', async () => {
		b24.simulator.configurePull({ holdMs: 3_000 });
		const trigger = await startTrigger(b24.harness, triggerNode(b24));
		try {
			await waitUntil(listening(b24), 'the first long poll');
			const restart = await fetch(`${b24.baseUrl}/__control/bitrix24/server-restart`, {
				method: 'POST',
			});
			assert.equal(restart.status, 204);
			await waitUntil(() => configCalls(b24).length === 2, 'a second config fetch');
			await waitUntil(listening(b24), 'the next long poll');
			await publish(b24, ['after-restart']);

			assert.deepEqual(
				(await trigger.waitForItems(1)).map((item) => item.json.command),
				['after-restart'],
			);
		} finally {
			await trigger.close();
		}
	});

	test('when the channels reach their end time, it fetches new ones without being told, once', async () => {
		b24.simulator.configurePull({ holdMs: 10_000, channelLifetimeMs: 1_000 });
		const trigger = await startTrigger(b24.harness, triggerNode(b24));
		try {
			await waitUntil(listening(b24), 'the first long poll');
			await waitUntil(() => configCalls(b24).length >= 2, 'a config fetch at the end time', 8_000);
			await new Promise((resolve) => setTimeout(resolve, 500));
			assert.equal(configCalls(b24).length, 2, 'no burst of config fetches');
			await waitUntil(listening(b24), 'a long poll on the new channels');
			b24.simulator.configurePull({ channelLifetimeMs: 60_000 });
			await publish(b24, ['after']);

			assert.deepEqual(
				(await trigger.waitForItems(1)).map((item) => item.json.command),
				['after'],
			);
		} finally {
			await trigger.close();
		}
	});

	for (const [what, fault, status, configs] of [
		['a refused channel', { status: 400, body: 'Wrong channel id' }, 400, 2],
		['a dropped connection', { reset: true }, 0, 1],
	] as const) {
		test(`${what} is retried after a short backoff, losing nothing`, async () => {
			b24.simulator.configurePull({ holdMs: 3_000 });
			b24.simulator.injectFault({ ...fault, match: { path: '/sub/' } });
			const started = Date.now();
			const trigger = await startTrigger(b24.harness, triggerNode(b24));
			try {
				await waitUntil(listening(b24), 'a long poll after the failure');
				await publish(b24, ['kept']);

				assert.deepEqual(
					(await trigger.waitForItems(1)).map((item) => item.json.command),
					['kept'],
				);
				assert.ok(Date.now() - started < 3_000);
				assert.equal(configCalls(b24).length, configs);
				const polls = b24.simulator.requests.filter((request) => request.path === '/sub/');
				assert.equal(polls[0].status, status);
			} finally {
				await trigger.close();
			}
		});
	}

	test('in a manual run, the test step finishes with the first event', async () => {
		b24.simulator.configurePull({ holdMs: 3_000 });
		const trigger = await startTrigger(b24.harness, triggerNode(b24), 'manual');
		try {
			const done = trigger.response.manualTriggerFunction?.();
			await waitUntil(listening(b24), 'the first long poll');
			await publish(b24, ['sample']);

			await done;
			assert.deepEqual(
				trigger.items.map((item) => item.json.command),
				['sample'],
			);
		} finally {
			await trigger.close();
		}
	});

	test("n8n's own manual run (Test step) returns the first event and closes the connection", async () => {
		b24.simulator.configurePull({ holdMs: 3_000 });
		const run = b24.harness.runTriggerManually(triggerNode(b24));
		await waitUntil(listening(b24), 'the first long poll');
		await publish(b24, ['sample']);

		const result = await run;

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json.command, item.json.moduleId]),
			[['sample', 'my_app']],
		);
		await waitUntil(() => b24.simulator.pull.connections === 0, 'the connection to close', 2_000);
	});

	test('revoked authorization is reported as an error, and the trigger stops polling', async () => {
		// A channel_expire that names no new channel makes the trigger fetch the config again.
		b24.simulator.configurePull({ holdMs: 3_000, expiryAction: 'restart' });
		const trigger = await startTrigger(b24.harness, triggerNode(b24));
		try {
			await waitUntil(listening(b24), 'the first long poll');
			b24.simulator.tokens.revokeAll();
			b24.simulator.pull.expireChannels();

			const error = await trigger.waitForError();
			assert.match(error.message, /invalid_token/);
			const polls = b24.simulator.requests.filter((request) => request.path === '/sub/').length;
			await new Promise((resolve) => setTimeout(resolve, 300));
			assert.equal(
				b24.simulator.requests.filter((request) => request.path === '/sub/').length,
				polls,
			);
		} finally {
			await trigger.close();
		}
	});

	test('closing while the config is still being fetched leaves no timer behind', async () => {
		b24.simulator.injectFault({
			latencyMs: 300,
			match: { path: '/rest/pull.application.config.get.json' },
		});
		const before = timers();
		const trigger = await startTrigger(b24.harness, triggerNode(b24));

		await trigger.close();

		assert.equal(configCalls(b24).length, 1, 'the fetch had finished when close() returned');
		assert.ok(timers() <= before, `timers: ${timers()} now, ${before} before`);
		assert.equal(b24.simulator.requests.filter((request) => request.path === '/sub/').length, 0);
	});

	test('closing ends the open long poll and leaves no timer or request behind', async () => {
		b24.simulator.configurePull({ holdMs: 20_000 });
		const before = timers();
		const trigger = await startTrigger(b24.harness, triggerNode(b24));
		await waitUntil(listening(b24), 'the first long poll');

		await trigger.close();

		await waitUntil(
			() => b24.simulator.pull.connections === 0,
			'the server to see the client leave',
			1_000,
		);
		const requests = b24.simulator.requests.length;
		await new Promise((resolve) => setTimeout(resolve, 300));
		assert.equal(b24.simulator.requests.length, requests, 'nothing is sent after closing');
		assert.ok(timers() <= before, `timers: ${timers()} now, ${before} before`);
	});
});
