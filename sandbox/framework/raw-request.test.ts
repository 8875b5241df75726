import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';

import { parseRawRequest } from './raw-request';
import { SimulatorServer } from './simulator-server';

/** Sends raw bytes in the given chunks, a little apart, and resolves with everything read back. */
function sendRaw(baseUrl: string, chunks: string[]): Promise<string> {
	const { hostname, port } = new URL(baseUrl);
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname);
		let reply = '';
		socket.on('data', (data) => (reply += data.toString('latin1')));
		socket.on('close', () => resolve(reply));
		socket.on('error', reject);
		socket.on('connect', async () => {
			for (const chunk of chunks) {
				socket.write(chunk);
				await new Promise((wait) => setTimeout(wait, 30));
			}
		});
	});
}

describe('SimulatorServer: methods unknown to Node (LOOKUP)', () => {
	const simulator = new SimulatorServer({ name: 'Raw' })
		.route('LOOKUP', '/things', (request) => ({
			status: 200,
			body: { key: request.json(), auth: request.headers.authorization ?? null },
		}))
		.route('GET', '/things', () => ({ status: 200, body: 'listed' }));
	let baseUrl: string;

	before(async () => {
		baseUrl = await simulator.start();
	});
	beforeEach(() => simulator.reset());
	after(() => simulator.stop());

	test('a body split across packets is read whole, answered once and logged once', async () => {
		const reply = await sendRaw(baseUrl, [
			'LOOKUP /things?x=1 HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer t\r\nContent-Length: 7\r\n\r\n"ab',
			'cde"',
		]);

		assert.match(reply, /^HTTP\/1\.1 200 OK\r\n/);
		assert.match(reply, /connection: close/);
		assert.ok(reply.endsWith('{"key":"abcde","auth":"Bearer t"}'), reply);
		assert.equal(simulator.requests.length, 1);
		assert.deepEqual(
			[simulator.requests[0].method, simulator.requests[0].query, simulator.requests[0].body],
			['LOOKUP', 'x=1', '"abcde"'],
		);
	});

	test('a LOOKUP on a kept-alive connection after a GET is answered too', async () => {
		const reply = await sendRaw(baseUrl, [
			'GET /things HTTP/1.1\r\nHost: a\r\n\r\n',
			'LOOKUP /things HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n"k"',
		]);

		assert.match(reply, /^HTTP\/1\.1 200 OK\r\n[\s\S]*listed/);
		assert.ok(reply.endsWith('{"key":"k","auth":null}'), reply);
		assert.deepEqual(
			simulator.requests.map((request) => request.method),
			['GET', 'LOOKUP'],
		);
	});

	test("Node's own client sends LOOKUP with a body, and the route answers it", async () => {
		const res = await fetch(`${baseUrl}/things`, { method: 'LOOKUP', body: '"k"' });
		assert.equal(res.status, 200);
		assert.deepEqual(await res.json(), { key: 'k', auth: null });
	});

	test('faults apply to LOOKUP like to any method', async () => {
		simulator.injectFault({ status: 503, match: { method: 'LOOKUP' } });
		const res = await fetch(`${baseUrl}/things`, { method: 'LOOKUP', body: '"k"' });
		assert.equal(res.status, 503);
		assert.equal(simulator.requests[0].status, 503);
	});

	test('LOOKUP on a path without a route is a 404 JSON', async () => {
		const res = await fetch(`${baseUrl}/other`, { method: 'LOOKUP', body: '"k"' });
		assert.equal(res.status, 404);
	});

	test('a chunked LOOKUP body is refused with 400 naming the reason', async () => {
		const reply = await sendRaw(baseUrl, [
			'LOOKUP /things HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n"k"\r\n0\r\n\r\n',
		]);
		assert.match(reply, /^HTTP\/1\.1 400 Bad Request/);
		assert.match(reply, /Content-Length body/);
	});
});

describe('parseRawRequest', () => {
	test('waits for the end of the head and for the whole body', () => {
		assert.equal(parseRawRequest(Buffer.from('LOOKUP / HTTP/1.1\r\nHost: a\r\n')), undefined);
		assert.equal(
			parseRawRequest(Buffer.from('LOOKUP / HTTP/1.1\r\nContent-Length: 3\r\n\r\n"a')),
			undefined,
		);
		const request = parseRawRequest(
			Buffer.from('LOOKUP /p?a=b HTTP/1.1\r\nContent-Length: 3\r\nX-A: 1\r\nx-a: 2\r\n\r\n"a"'),
		);
		assert.equal(request?.method, 'LOOKUP');
		assert.deepEqual(request?.target, { path: '/p', rawQuery: 'a=b' });
		assert.equal(request?.headers['x-a'], '1, 2');
		assert.equal(request?.body.toString(), '"a"');
	});

	test('throws for a request line that is not HTTP/1.x', () => {
		assert.throws(() => parseRawRequest(Buffer.from('LOOKUP\r\n\r\n')), /request line/);
	});
});
