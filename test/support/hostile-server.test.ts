import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { afterEach, describe, test } from 'node:test';

import {
	bigBody,
	closeAfterRequest,
	dripBody,
	dripHeaders,
	endlessBody,
	redirect,
	resetAfterRequest,
	resetMidBody,
	respond,
	respondJson,
	sequence,
	silent,
	startHostileServer,
	type Behaviour,
	type HostileServer,
} from './hostile-server';

const bounded = { timeout: 3_000 };

/** What `fetch` failed with underneath its generic "fetch failed". */
async function fetchFailure(url: string, init?: RequestInit): Promise<unknown> {
	const error = await fetch(url, init).then(
		() => assert.fail('fetch should have failed'),
		(error: Error) => error,
	);
	return error.cause ?? error;
}

/** Sends a body with node:http and no length, so it goes out chunked. */
function postChunked(url: string, parts: string[]): Promise<number> {
	return new Promise((resolve, reject) => {
		const outgoing = request(url, { method: 'POST' }, (response) => {
			response.resume();
			resolve(response.statusCode ?? 0);
		});
		outgoing.on('error', reject);
		for (const part of parts) outgoing.write(part);
		outgoing.end();
	});
}

describe('hostile HTTP server', () => {
	const servers: HostileServer[] = [];
	const serve = async (behaviour: Behaviour) => {
		const server = await startHostileServer(behaviour);
		servers.push(server);
		return server;
	};
	afterEach(() => Promise.all(servers.splice(0).map((server) => server.close())));

	test('records each request as it arrived and answers with JSON', bounded, async () => {
		const server = await serve(respondJson(201, { id: 7 }, { 'X-Trace': 'abc' }));
		const response = await fetch(`${server.url}/items?limit=2`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'secret' },
			body: '{"name":"a"}',
		});

		assert.equal(response.status, 201);
		assert.equal(response.headers.get('content-type'), 'application/json');
		assert.equal(response.headers.get('x-trace'), 'abc');
		assert.deepEqual(await response.json(), { id: 7 });
		assert.equal(server.count, 1);
		const [received] = server.requests;
		assert.equal(received.method, 'POST');
		assert.equal(received.path, '/items?limit=2');
		assert.equal(received.headers['x-api-key'], 'secret');
		assert.equal(received.body.toString(), '{"name":"a"}');
		assert.match(received.raw, /^POST \/items\?limit=2 HTTP\/1\.1\r\n/);
		assert.ok(received.raw.endsWith('\r\n\r\n{"name":"a"}'));
	});

	test('a chunked request body is decoded; raw keeps the chunks', bounded, async () => {
		const server = await serve(respond(204));
		assert.equal(await postChunked(server.url, ['hello ', 'world']), 204);

		const [received] = server.requests;
		assert.equal(received.headers['transfer-encoding'], 'chunked');
		assert.equal(received.body.toString(), 'hello world');
		assert.match(received.raw, /\r\n6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n$/);
	});

	test('requests on one keep-alive connection are answered in order', bounded, async () => {
		const ports: number[] = [];
		const server = await serve((socket, _request, index) => {
			ports.push(socket.remotePort ?? 0);
			socket.write(`HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n${index}`);
		});
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		const get = () =>
			new Promise<string>((resolve, reject) => {
				request(server.url, { agent }, (response) => {
					let text = '';
					response.on('data', (data: Buffer) => (text += data.toString()));
					response.on('end', () => resolve(text));
				})
					.on('error', reject)
					.end();
			});

		assert.deepEqual([await get(), await get(), await get()], ['0', '1', '2']);
		agent.destroy();
		assert.equal(new Set(ports).size, 1, 'one connection');
	});

	test('sequence plays its behaviours in turn, then repeats the last', bounded, async () => {
		const server = await serve(sequence(respond(503, 'busy'), respondJson(200, { ok: true })));
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await fetch(server.url)).status);

		assert.deepEqual(statuses, [503, 200, 200]);
	});

	test('redirect sends Location, which fetch follows', bounded, async () => {
		const server = await serve(sequence(redirect(302, '/next'), respondJson(200, 'there')));
		const response = await fetch(`${server.url}/start`);

		assert.equal(await response.json(), 'there');
		assert.deepEqual(
			server.requests.map((received) => received.path),
			['/start', '/next'],
		);
	});

	test(
		'bigBody sends exactly the bytes asked for, prefix and suffix included',
		bounded,
		async () => {
			const bytes = 8 * 1024 * 1024;
			const server = await serve(
				bigBody(200, bytes, { prefix: '{"result":"', pattern: 'ab', suffix: '"}' }),
			);
			const response = await fetch(server.url);
			const text = await response.text();

			assert.equal(response.headers.get('content-length'), String(bytes));
			assert.equal(text.length, bytes);
			const { result } = JSON.parse(text) as { result: string };
			assert.equal(result, 'ab'.repeat(bytes / 2).slice(0, bytes - '{"result":""}'.length));
		},
	);

	test('endlessBody keeps streaming chunks until the client stops reading', bounded, async () => {
		const server = await serve(endlessBody(200, {}, '{"a":1},'));
		const response = await fetch(server.url);
		assert.equal(response.headers.get('transfer-encoding'), 'chunked');

		const reader = response.body!.getReader();
		let received = '';
		while (received.length < 4 * 1024 * 1024) {
			const { value } = await reader.read();
			received += Buffer.from(value!).toString();
		}
		await reader.cancel();
		assert.ok(received.startsWith('{"a":1},{"a":1},'));
	});

	test('dripBody sends headers at once, then one byte at a time', bounded, async () => {
		const server = await serve(dripBody(200, {}, 20));
		const response = await fetch(server.url);
		assert.equal(response.status, 200);
		assert.equal(response.headers.get('content-length'), String(2 ** 40));

		const reader = response.body!.getReader();
		const sizes = [];
		for (let i = 0; i < 3; i++) sizes.push((await reader.read()).value!.length);
		await reader.cancel();
		assert.deepEqual(sizes, [1, 1, 1]);
	});

	test('dripHeaders holds back the status line', bounded, async () => {
		const server = await serve(dripHeaders(1_000));
		const failure = await fetchFailure(server.url, { signal: AbortSignal.timeout(200) });

		assert.equal((failure as Error).name, 'TimeoutError');
	});

	test('dripHeaders completes a valid response in the end', bounded, async () => {
		const server = await serve(dripHeaders(1));
		const response = await fetch(server.url);

		assert.deepEqual(await response.json(), {});
	});

	test('silent takes the request and never answers', bounded, async () => {
		const server = await serve(silent());
		const failure = await fetchFailure(server.url, { signal: AbortSignal.timeout(200) });

		assert.equal((failure as Error).name, 'TimeoutError');
		assert.equal(server.count, 1);
	});

	test('resetAfterRequest resets the connection after reading the body', bounded, async () => {
		const server = await serve(resetAfterRequest());
		const failure = await fetchFailure(server.url, { method: 'PUT', body: 'payload' });

		assert.equal((failure as NodeJS.ErrnoException).code, 'ECONNRESET');
		assert.equal(server.requests[0].body.toString(), 'payload');
	});

	test('resetMidBody gives headers and part of the body, then a reset', bounded, async () => {
		const server = await serve(resetMidBody(200, '{"result":[1,'));
		const response = await fetch(server.url);
		assert.equal(response.status, 200);

		const reader = response.body!.getReader();
		const { value } = await reader.read();
		assert.equal(Buffer.from(value!).toString(), '{"result":[1,');
		await assert.rejects(reader.read());
	});

	test('closeAfterRequest closes without a reply', bounded, async () => {
		const server = await serve(closeAfterRequest());
		const failure = await fetchFailure(server.url);

		assert.equal((failure as NodeJS.ErrnoException).code, 'UND_ERR_SOCKET');
		assert.equal(server.count, 1);
	});

	test('close() returns while a client is still being dripped to', bounded, async () => {
		const server = await startHostileServer(dripBody(200, {}, 10));
		const response = await fetch(server.url);
		const reading = response.text();
		await server.close();

		await assert.rejects(reading);
	});
});
