import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { reconnectDelayMs } from '../../nodes/Bitrix24/trigger/backoff';
import { parsePullBody } from '../../nodes/Bitrix24/trigger/pull-messages';

const text = {
	module_id: 'my_app',
	command: 'paid',
	params: { id: 1 },
	extra: { revision_web: 19 },
};

describe('Bitrix24 Push & Pull messages', () => {
	test('version 4 frames are read one by one, the text given as an object or as JSON text', () => {
		const body =
			`#!NGINXNMS!#${JSON.stringify({ id: 1, mid: 'm1', channel: 'c', text })}#!NGINXNME!#` +
			`#!NGINXNMS!#${JSON.stringify({ id: 2, mid: 'm2', channel: 'c', text: JSON.stringify(text) })}#!NGINXNME!#` +
			'#!NGINXNMS!#not json#!NGINXNME!#';

		assert.deepEqual(parsePullBody(body, 4).events, [
			{
				moduleId: 'my_app',
				command: 'paid',
				params: { id: 1 },
				extra: { revision_web: 19 },
				mid: 'm1',
				channel: 'c',
			},
			{
				moduleId: 'my_app',
				command: 'paid',
				params: { id: 1 },
				extra: { revision_web: 19 },
				mid: 'm2',
				channel: 'c',
			},
		]);
	});

	test('version 5 JSON-RPC gives incoming messages and the pings to answer', () => {
		const body = JSON.stringify([
			{ jsonrpc: '2.0', method: 'ping', id: 7 },
			{
				jsonrpc: '2.0',
				method: 'incoming.message',
				params: { messages: [{ mid: 'm3', channel: 'p', body: text }] },
			},
		]);

		const batch = parsePullBody(body, 5);

		assert.deepEqual(batch.pings, [7]);
		assert.deepEqual(
			batch.events.map((event) => [event.mid, event.command]),
			[['m3', 'paid']],
		);
	});

	test('a broken body gives no events rather than a crash', () => {
		assert.deepEqual(parsePullBody('{"jsonrpc": ', 5), { events: [], pings: [] });
		assert.deepEqual(parsePullBody('<html>502</html>', 4), { events: [], pings: [] });
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
