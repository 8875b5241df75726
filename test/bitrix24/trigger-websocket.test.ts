import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { WebSocket as WsWebSocket } from 'ws';

import { startTrigger } from '../harness/trigger-runner';
import type { Bitrix24Fixture } from './bitrix24-fixture';
import { useBitrix24 } from './bitrix24-fixture';
import { waitUntil } from '../support/wait-until';

/**
 * Node 20 has no global WebSocket unless started with --experimental-websocket. Then the `ws`
 * package stands in for it (same WHATWG API); under the flag, or on Node 22, the runtime's own.
 */
const runtime = globalThis as { WebSocket?: unknown };
const native = typeof runtime.WebSocket === 'function';
const implementation = native ? "the runtime's WebSocket" : "the ws package's WebSocket";

async function publish(b24: Bitrix24Fixture, commands: string[]) {
	const result = await b24.realtime(
		'publishEvent',
		{ command: '={{ $json.command }}', moduleId: 'my_app' },
		'oAuth2',
		commands.map((command) => ({ command })),
	);
	assert.equal(result.error, undefined);
}

for (const version of [4, 5] as const) {
	describe(`Bitrix24 Trigger over WebSocket (${implementation}), server version ${version}`, () => {
		const b24 = useBitrix24();
		before(() => {
			if (!native) runtime.WebSocket = WsWebSocket;
		});
		after(() => {
			if (!native) delete runtime.WebSocket;
		});

		test('receives events in order across a forced channel expiry, without repeats, and closes cleanly', async () => {
			b24.simulator.configurePull({ version, pingMs: 50, replayOnExpiry: 2 });
			const trigger = await startTrigger(b24.harness, {
				type: 'bitrix24Trigger',
				parameters: {},
				credentials: { bitrix24OAuth2Api: b24.oauthId },
			});
			try {
				await waitUntil(() => b24.simulator.pull.connections > 0, 'the socket');
				await publish(b24, ['a', 'b', 'c']);
				await trigger.waitForItems(3);

				b24.simulator.pull.expireChannels();
				await waitUntil(() => b24.simulator.pullSockets.connects.length === 2, 'a new socket');
				await waitUntil(() => b24.simulator.pull.connections > 0, 'the new socket to open');
				await publish(b24, ['d']);
				await trigger.waitForItems(4);
				await new Promise((resolve) => setTimeout(resolve, 200));

				assert.deepEqual(
					trigger.items.map((item) => item.json.command),
					['a', 'b', 'c', 'd'],
				);
				assert.ok(/(^|&)mid=[0-9a-f]{32}/.test(b24.simulator.pullSockets.connects[1]));
				assert.equal(
					b24.simulator.requests.filter((request) => request.path === '/sub/').length,
					0,
					'no long polling',
				);
				if (version === 5) {
					assert.ok(b24.simulator.pull.pongs.length > 0, 'pings are answered');
					assert.ok(
						['a', 'b', 'c', 'd'].every((command) =>
							b24.simulator
								.state()
								.pull.sent.filter((message) => message.text.command === command)
								.some((message) => b24.simulator.pull.acks.includes(message.mid)),
						),
						'every message is acknowledged',
					);
				}
			} finally {
				await trigger.close();
			}
			await waitUntil(() => b24.simulator.pull.connections === 0, 'the socket to close', 2_000);
		});
	});
}
