import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseForm } from 'node:querystring';
import { after, before, beforeEach, describe, test } from 'node:test';

import { createBitrix24Simulator } from '../index';

/** A JSON reply read loosely: tests reach into it and compare. */
interface Loose {
	[key: string]: Loose;
}

describe('Bitrix24 simulator: offline events and ONOFFLINEEVENT (b24restdocs api-reference/events)', () => {
	const simulator = createBitrix24Simulator();
	let base = '';
	let token = '';
	before(async () => {
		base = await simulator.start();
	});
	beforeEach(() => {
		simulator.reset();
		token = simulator.issueTokens().access_token;
	});
	after(async () => await simulator.stop());

	const call = async (method: string, params: Record<string, unknown> = {}) => {
		const reply = await fetch(`${base}/rest/${method}.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...params, auth: token }),
		});
		return { status: reply.status, body: (await reply.json()) as Loose };
	};
	const change = (id: string, event = 'ONCRMDEALUPDATE') =>
		simulator.portal.recordChanged(event, { ID: id });

	test('get with clear=0 reserves under a process_id and hides the records from other requests; clear by message_id removes only those', async () => {
		await call('event.bind', { event: 'ONCRMDEALUPDATE', event_type: 'offline' });
		change('1');
		change('2');
		const taken = await call('event.offline.get', { clear: 0 });
		const processId = String(taken.body.result.process_id);
		assert.ok(processId.length > 0);
		assert.equal(taken.body.result.events.length, 2);
		assert.deepEqual(Object.keys(taken.body.result.events[0]).sort(), [
			'EVENT_ADDITIONAL',
			'EVENT_DATA',
			'EVENT_NAME',
			'ID',
			'MESSAGE_ID',
			'TIMESTAMP_X',
		]);
		assert.equal((await call('event.offline.get', { clear: 0 })).body.result.events.length, 0);
		const again = await call('event.offline.get', { clear: 0, process_id: processId });
		assert.equal(again.body.result.events.length, 2, 'the same process gets them again');

		const first = String(taken.body.result.events[0].MESSAGE_ID);
		await call('event.offline.clear', { process_id: processId, message_id: [first] });
		const listed = (await call('event.offline.list')).body.result;
		assert.equal(listed.length, 1);
		assert.equal(listed[0].PROCESS_ID, processId);
	});

	test('get with the default clear=1 returns and deletes; error marks records that only error=1 returns', async () => {
		await call('event.bind', { event: 'ONCRMDEALUPDATE', event_type: 'offline' });
		change('1');
		assert.equal((await call('event.offline.get')).body.result.events.length, 1);
		assert.equal((await call('event.offline.list')).body.result.length, 0);

		change('2');
		const taken = await call('event.offline.get', { clear: 0 });
		await call('event.offline.error', {
			process_id: taken.body.result.process_id,
			message_id: [taken.body.result.events[0].MESSAGE_ID],
		});
		assert.equal((await call('event.offline.get', { clear: 0 })).body.result.events.length, 0);
		assert.equal(
			(await call('event.offline.get', { clear: 0, error: 1 })).body.result.events.length,
			1,
		);
	});

	test('a change made with the auth_connector of a binding is not queued for it; each connector reads its own queue', async () => {
		await call('event.bind', {
			event: 'ONCRMDEALUPDATE',
			event_type: 'offline',
			auth_connector: 'n8n',
		});
		await call('crm.deal.update', { id: 1, fields: { TITLE: 'own' }, auth_connector: 'n8n' });
		await call('crm.deal.update', { id: 2, fields: { TITLE: 'other' } });
		assert.equal((await call('event.offline.get', { clear: 0 })).body.result.events.length, 0);
		const ours = await call('event.offline.get', { clear: 0, auth_connector: 'n8n' });
		assert.deepEqual(
			(ours.body.result.events as unknown as Loose[]).map((record) =>
				String(record.EVENT_DATA.FIELDS.ID),
			),
			['2'],
		);
	});

	test('offline binds and the queue need an administrator', async () => {
		const notAdmin = simulator.tokens.issue(15).access;
		const reply = await fetch(`${base}/rest/event.bind.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ event: 'ONCRMDEALADD', event_type: 'offline', auth: notAdmin }),
		});
		assert.equal(reply.status, 403);
		assert.equal(((await reply.json()) as Loose).error, 'ACCESS_DENIED');
	});

	test('ONOFFLINEEVENT calls its URL when records arrive, at most once per minTimeout, with empty data; online events are not sent again', async () => {
		const calls: Array<Record<string, unknown>> = [];
		const server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				calls.push(parseForm(Buffer.concat(chunks).toString('utf8')));
				response.writeHead(500).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/signal`;
		try {
			await call('event.bind', { event: 'ONCRMDEALUPDATE', event_type: 'offline' });
			await call('event.bind', {
				event: 'ONOFFLINEEVENT',
				handler: url,
				options: { minTimeout: 1 },
			});
			change('1');
			change('2');
			await simulator.events.settled();
			assert.equal(calls.length, 1, 'the second record came within minTimeout');
			assert.equal(calls[0].event, 'ONOFFLINEEVENT');
			assert.equal(calls[0]['data'], undefined);
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			await simulator.events.settled();
			assert.equal(calls.length, 2, 'one call once minTimeout had passed');
			assert.deepEqual(
				simulator.events.deliveries.map((delivery) => delivery.status),
				[500, 500],
				'each failed call was made once',
			);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});
});
