import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import type { ChannelConfig } from '../../nodes/Bitrix24/transport/pull-server';
import { channelConfig, connectQuery } from '../../nodes/Bitrix24/transport/pull-server';
import { reconnectDelayMs } from '../../nodes/Bitrix24/app-channel-trigger/backoff';
import {
	acknowledgement,
	parsePullBody,
	PONG,
} from '../../nodes/Bitrix24/app-channel-trigger/pull-messages';

/**
 * Bitrix's own pull client (`@bitrix24/b24jssdk`) is the oracle: the same config must give the
 * same connection query, and the same frames the same messages and the same answers (`pong`,
 * `mack:<mid>`), in the SDK and in the trigger.
 */
interface SdkClient {
	_config: IDataObject;
	_connectionType: string;
	_connectors: Record<string, { send: (text: string) => boolean }>;
	init(): void;
	getConnectionPath(type: string): string;
	onIncomingMessage(text: string): void;
	subscribe(options: { moduleId: string; callback: (data: IDataObject) => void }): void;
	setLastMessageId(mid: string): void;
	_session: { mid: string | null; tag: string | null; time: string | null };
}

const browser = globalThis as Record<string, unknown>;
let Manager: new (options: IDataObject) => SdkClient;
before(async () => {
	({ B24PullClientManager: Manager } = (await import('@bitrix24/b24jssdk')) as unknown as {
		B24PullClientManager: typeof Manager;
	});
	// The SDK asks `document` whether the page is secure and, for version 4, whether this is IE.
	browser.document = { location: { href: 'https://n8n.test/' } };
});
after(() => delete browser.document);

const CONFIG = {
	server: {
		version: 5,
		server_enabled: true,
		long_polling: 'http://rt.test/sub/',
		long_pooling_secure: 'https://rt.test/sub/',
		websocket: 'ws://rt.test/subws/',
		websocket_secure: 'wss://rt.test/subws/',
		websocket_enabled: true,
		publish: 'http://rt.test/pubweb/',
		publish_secure: 'https://rt.test/pubweb/',
	},
	api: { revision_web: 19 },
	channels: {
		private: { id: 'priv.1', start: '2026-01-01T00:00:00+00:00', end: '2099-01-01T00:00:00+00:00' },
		shared: { id: 'shar.2', start: '2026-01-01T00:00:00+00:00', end: '2099-01-01T00:00:00+00:00' },
	},
};

function sdk(config: IDataObject) {
	const client = new Manager({
		b24: {},
		restApplication: 'n8n-test',
		userId: 1,
		skipStorageInit: true,
	});
	client._config = structuredClone(config);
	client.init();
	client._connectionType = 'webSocket';
	const sent: string[] = [];
	client._connectors.webSocket.send = (text) => {
		sent.push(text);
		return true;
	};
	const received: IDataObject[] = [];
	client.subscribe({ moduleId: 'my_app', callback: (data) => received.push(data) });
	return { client, sent, received };
}

const sdkQuery = (client: SdkClient) =>
	Object.fromEntries(new URL(client.getConnectionPath('webSocket')).searchParams);
const ourQuery = (config: IDataObject, mid?: string) =>
	Object.fromEntries(
		Object.entries(connectQuery(channelConfig(config) as ChannelConfig, { mid })).map(
			([key, value]) => [key, String(value)],
		),
	);

const variants: Array<[string, IDataObject]> = [
	['version 4', { ...CONFIG, server: { ...CONFIG.server, version: 4 } }],
	['version 5', CONFIG],
	[
		'the cloud server (shared mode)',
		{ ...CONFIG, server: { ...CONFIG.server, mode: 'shared' }, clientId: 'cl-9' },
	],
	['a config with a jwt', { ...CONFIG, jwt: 'jwt.abc', exp: 4102444800 }],
];

describe('Bitrix24 Push & Pull, the trigger against the SDK', () => {
	for (const [what, config] of variants) {
		test(`${what}: the connection query is the SDK's, resuming after a mid`, () => {
			const { client } = sdk(config);
			client.setLastMessageId('m-41');
			const expected = sdkQuery(client);
			// The SDK asks version 4 for protobuf; the trigger reads the text frames instead.
			delete expected.binaryMode;
			assert.deepEqual(ourQuery(config, 'm-41'), expected);
		});
	}

	test('the cloud server without a clientId is refused by both', () => {
		const config = { ...CONFIG, server: { ...CONFIG.server, mode: 'shared' } };
		assert.throws(() => sdkQuery(sdk(config).client), /clientId/);
		assert.throws(() => ourQuery(config), /clientId/);
	});

	test('version 5: incoming messages, batched or not, read and answered as the SDK does', () => {
		const body = {
			module_id: 'my_app',
			command: 'paid',
			params: { id: 1 },
			extra: { revision_web: 19 },
		};
		const frames = [
			JSON.stringify({
				jsonrpc: '2.0',
				method: 'incoming.message',
				params: { mid: 'm1', body, sender: { type: 2, id: '' } },
			}),
			'ping',
			JSON.stringify([
				{
					jsonrpc: '2.0',
					method: 'incoming.message',
					params: { mid: 'm2', body, user_params: { who: 5 }, dictionary: { lang: 'ru' } },
					id: 3,
				},
			]),
		];
		const oracle = sdk(CONFIG);
		const ours = { sent: [] as string[], received: [] as IDataObject[] };
		for (const frame of frames) {
			oracle.client.onIncomingMessage(frame);
			const batch = parsePullBody(frame, 5);
			if (batch.ping) ours.sent.push(PONG);
			for (const event of batch.events) {
				ours.received.push({ command: event.command, params: event.params, extra: event.extra });
				ours.sent.push(acknowledgement(event.mid));
			}
		}

		assert.equal(oracle.received.length, 2);
		// As JSON, the form an n8n item takes (the SDK leaves `sender: undefined` when none came).
		assert.deepEqual(ours.received, JSON.parse(JSON.stringify(oracle.received)));
		assert.deepEqual(ours.sent, oracle.sent);
		assert.deepEqual(oracle.sent, ['mack:m1', 'pong', 'mack:m2']);
	});

	test('version 4: framed messages read as the SDK does, resuming from the last mid, tag and time', () => {
		const text = { module_id: 'my_app', command: 'paid', params: { id: 1 }, extra: {} };
		const body =
			`#!NGINXNMS!#${JSON.stringify({ id: 1, mid: 'm1', channel: 'c', tag: '1', time: 'T1', text })}#!NGINXNME!#` +
			`#!NGINXNMS!#${JSON.stringify({ id: 2, mid: 'm2', channel: 'c', tag: '2', time: 'T2', text })}#!NGINXNME!#`;
		const v4 = { ...CONFIG, server: { ...CONFIG.server, version: 4 } };
		const oracle = sdk(v4);
		oracle.client.onIncomingMessage(body);
		const batch = parsePullBody(body, 4);

		assert.deepEqual(
			batch.events.map(({ command, params, extra }) => ({ command, params, extra })),
			oracle.received,
		);
		const { mid, tag, time } = oracle.client._session;
		assert.deepEqual(batch.cursor, { mid, tag, time });
		assert.deepEqual(oracle.sent, [], 'version 4 acknowledges nothing');
	});

	test('a broken body gives no events rather than a crash', () => {
		assert.deepEqual(parsePullBody('{"jsonrpc": ', 5), { events: [], ping: false });
		assert.deepEqual(parsePullBody('<html>502</html>', 4), { events: [], ping: false });
	});

	test('reconnect waits grow 100 ms, 15 s, 45 s, then 2 minutes, with jitter of a quarter', () => {
		assert.deepEqual(
			[1, 2, 3, 4, 9].map((failures) => reconnectDelayMs(failures, () => 0.5)),
			[100, 15_000, 45_000, 120_000, 120_000],
		);
		assert.equal(
			reconnectDelayMs(2, () => 0),
			11_250,
		);
		assert.equal(
			reconnectDelayMs(2, () => 1),
			18_750,
		);
	});
});
