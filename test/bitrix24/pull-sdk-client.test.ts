import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { WebSocket as WsWebSocket } from 'ws';

import type { Bitrix24Simulator } from '../../sandbox/bitrix24';
import { createBitrix24Simulator } from '../../sandbox/bitrix24';
import { waitUntil } from '../support/wait-until';

/**
 * Bitrix's own pull client (`@bitrix24/b24jssdk`, B24PullClientManager) is the oracle for the
 * simulator's Push & Pull server: it fetches the config through REST, connects over WebSocket
 * and must receive an event published with pull.application.event.add. It is written for a
 * browser; these globals are all it needs of one.
 */
const browser = globalThis as Record<string, unknown>;
type Manager = new (options: Record<string, unknown>) => SdkPullClient;
let B24PullClientManager: Manager;
before(async () => {
	// Loaded before the browser globals exist: its HTTP client inspects them when loaded.
	({ B24PullClientManager } = (await import('@bitrix24/b24jssdk')) as unknown as {
		B24PullClientManager: Manager;
	});
	browser.WebSocket = WsWebSocket;
	browser.window = { WebSocket: WsWebSocket, addEventListener() {}, removeEventListener() {} };
	browser.document = { location: { href: 'http://n8n.test/' } };
});
after(() => {
	delete browser.WebSocket;
	delete browser.window;
	delete browser.document;
});

interface SdkPullClient {
	start(): Promise<boolean>;
	subscribe(options: {
		moduleId: string;
		callback: (data: { command: string; params: Record<string, unknown> }) => void;
	}): () => void;
	destroy(): void;
	getConnectionPath(type: string): string;
}

async function sdkClient(
	simulator: Bitrix24Simulator,
	accessToken: string,
): Promise<SdkPullClient> {
	// The SDK's REST client, reduced to the one call the pull client makes.
	const b24 = {
		actions: {
			v2: {
				call: {
					make: async ({ method, params }: { method: string; params: object }) => {
						const result = await rest(simulator, accessToken, method, params);
						return { getData: () => ({ result }) };
					},
				},
			},
		},
	};
	return new B24PullClientManager({
		b24,
		restApplication: 'n8n-test',
		userId: 1,
		skipStorageInit: true,
	});
}

async function rest(simulator: Bitrix24Simulator, auth: string, method: string, params: object) {
	const reply = await fetch(`${simulator.baseUrl}/rest/${method}.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ...params, auth }),
	});
	const body = (await reply.json()) as { result?: unknown; error?: string };
	if (!reply.ok) throw new Error(`${method}: ${body.error}`);
	return body.result;
}

const setups = [
	{ name: 'version 4', settings: { version: 4 } },
	{ name: 'version 5', settings: { version: 5, pingMs: 100 } },
	{
		name: 'version 5 on the cloud server (clientId) with a jwt',
		settings: { version: 5, pingMs: 100, mode: 'shared', useJwt: true },
	},
] as const;

describe("Bitrix's pull client (b24jssdk) against the simulator's Push & Pull server", () => {
	let simulator: Bitrix24Simulator;
	before(async () => {
		simulator = createBitrix24Simulator();
		await simulator.start();
	});
	after(async () => await simulator.stop());

	for (const { name, settings } of setups) {
		test(`${name}: it receives an event published through REST, and answers as the server expects`, async () => {
			simulator.reset();
			simulator.configurePull(settings);
			const { access_token: token } = simulator.issueTokens();
			const client = await sdkClient(simulator, token);
			const received: Array<{ command: string; params: Record<string, unknown> }> = [];
			client.subscribe({ moduleId: 'my_app', callback: (data) => received.push(data) });
			try {
				await client.start();
				await waitUntil(() => simulator.pull.connections > 0, 'the socket');
				await rest(simulator, token, 'pull.application.event.add', {
					COMMAND: 'dealChanged',
					MODULE_ID: 'my_app',
					PARAMS: { dealId: 7 },
				});
				await waitUntil(() => received.length === 1, 'the event');

				assert.deepEqual(
					received.map(({ command, params }) => [command, params]),
					[['dealChanged', { dealId: 7 }]],
				);
				const connect = new URLSearchParams(simulator.pullSockets.connects.at(-1));
				if ('useJwt' in settings) {
					assert.ok(connect.get('token') && !connect.has('CHANNEL_ID'));
					assert.equal(connect.get('clientId'), simulator.pull.clientId);
				}
				if (settings.version === 5) {
					const [sent] = simulator.state().pull.sent;
					await waitUntil(() => simulator.pull.acks.includes(sent.mid), 'its mack');
					await waitUntil(() => simulator.pull.pongs.length > 0, 'a pong');
				}
			} finally {
				client.destroy();
			}
			await waitUntil(() => simulator.pull.connections === 0, 'the socket to close');
		});
	}

	for (const version of [4, 5] as const) {
		test(`version ${version}: across a channel expiry it moves to the channel the server names and loses nothing`, async () => {
			simulator.reset();
			simulator.configurePull({ version, pingMs: 100, replayOnExpiry: 1 });
			const { access_token: token } = simulator.issueTokens();
			const client = await sdkClient(simulator, token);
			const received: string[] = [];
			client.subscribe({ moduleId: 'my_app', callback: (data) => received.push(data.command) });
			const publish = async (command: string) =>
				await rest(simulator, token, 'pull.application.event.add', {
					COMMAND: command,
					MODULE_ID: 'my_app',
				});
			try {
				await client.start();
				await waitUntil(() => simulator.pull.connections > 0, 'the socket');
				await publish('before');
				await waitUntil(() => received.length === 1, 'the first event');
				const sockets = simulator.pullSockets.connects.length;
				simulator.pull.expireChannels();
				await waitUntil(() => simulator.pullSockets.connects.length > sockets, 'a new socket');
				await waitUntil(() => simulator.pull.connections > 0, 'the new socket to open');
				await publish('after');
				await waitUntil(() => received.includes('after'), 'the event after the expiry');
				assert.deepEqual(received, ['before', 'after']);
			} finally {
				client.destroy();
			}
		});
	}
});
