import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { InvalidJsonError } from './sim-request';
import { SimulatorServer } from './simulator-server';

describe('SimulatorServer routing', () => {
	const simulator = new SimulatorServer({ name: 'Test' })
		.route('GET', '/items/:id/parts/:part', (request, params) => ({
			status: 200,
			body: { params, page: request.query.get('page') },
		}))
		.route('GET', '/slash/', () => ({ status: 200, body: 'with slash' }))
		.route('POST', '/echo', (request) => {
			try {
				return { status: 201, body: { received: request.json() } };
			} catch (error) {
				assert.ok(error instanceof InvalidJsonError);
				return { status: 400, body: { reason: error.message } };
			}
		})
		.route('GET', '/boom', () => {
			throw new Error('handler failed');
		})
		.route('GET', '/raw', () => ({
			status: 202,
			headers: { 'X-Custom': 'yes' },
			body: Buffer.from('ab'),
		}))
		.route('lookup', '/custom', (request) => ({
			status: 200,
			body: { method: request.method, body: request.text(), q: request.query.get('q') },
		}));
	let baseUrl: string;

	before(async () => {
		baseUrl = await simulator.start();
	});
	after(() => simulator.stop());

	test('start resolves a 127.0.0.1 base URL that baseUrl returns too', () => {
		assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
		assert.equal(simulator.baseUrl, baseUrl);
	});

	test('passes decoded :params and the query to the handler', async () => {
		const res = await fetch(`${baseUrl}/items/a%20b/parts/7?page=2`);
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
		assert.deepEqual(await res.json(), { params: { id: 'a b', part: '7' }, page: '2' });
	});

	test('treats the trailing slash as part of the path', async () => {
		assert.equal((await fetch(`${baseUrl}/slash/`)).status, 200);
		assert.equal((await fetch(`${baseUrl}/slash`)).status, 404);
	});

	test('answers an unmatched route with 404 JSON', async () => {
		const res = await fetch(`${baseUrl}/nowhere`, { method: 'DELETE' });
		assert.equal(res.status, 404);
		assert.deepEqual(await res.json(), {
			error: 'not_found',
			reason: 'No route for DELETE /nowhere',
		});
	});

	test('answers a throwing handler with 500 JSON', async () => {
		const res = await fetch(`${baseUrl}/boom`);
		assert.equal(res.status, 500);
		assert.deepEqual(await res.json(), { error: 'internal_error', reason: 'handler failed' });
	});

	test('request.json() parses the body and throws InvalidJsonError on bad JSON', async () => {
		const good = await fetch(`${baseUrl}/echo`, { method: 'POST', body: '{"a":1}' });
		assert.deepEqual(await good.json(), { received: { a: 1 } });

		const bad = await fetch(`${baseUrl}/echo`, { method: 'POST', body: '{oops' });
		assert.equal(bad.status, 400);
		assert.match(
			((await bad.json()) as { reason: string }).reason,
			/^Request body is not valid JSON/,
		);
	});

	test('sends Buffer bodies and handler headers as given', async () => {
		const res = await fetch(`${baseUrl}/raw`);
		assert.equal(res.status, 202);
		assert.equal(res.headers.get('x-custom'), 'yes');
		assert.equal(res.headers.get('content-type'), 'application/octet-stream');
		assert.equal(await res.text(), 'ab');
	});

	test('answers a method unknown to Node (LOOKUP) through its route when it has one', async () => {
		const res = await fetch(`${baseUrl}/custom?q=1`, { method: 'LOOKUP', body: '"abc"' });
		assert.equal(res.status, 200);
		assert.deepEqual(await res.json(), { method: 'LOOKUP', body: '"abc"', q: '1' });
	});

	test('answers a method unknown to Node without a route with 501 JSON', async () => {
		const res = await fetch(`${baseUrl}/custom`, { method: 'PROPFIND2' });
		assert.equal(res.status, 501);
		assert.equal(((await res.json()) as { error: string }).error, 'not_implemented');
	});

	test('rejects a route method that is not an HTTP token', () => {
		assert.throws(
			() => simulator.route('GE T', '/x', () => ({ status: 200 })),
			/HTTP method token/,
		);
	});
});

describe('SimulatorServer request log and lifecycle', () => {
	const simulator = new SimulatorServer({ name: 'Test' }).route('POST', '/orders', () => ({
		status: 201,
		body: { ok: true },
	}));
	let baseUrl: string;

	before(async () => {
		baseUrl = await simulator.start();
	});
	after(() => simulator.stop());

	test('records method, path, raw query, lowercased headers, body and status', async () => {
		simulator.clearRequests();
		const before = Date.now();
		await fetch(`${baseUrl}/orders?a=1&b=x%20y`, {
			method: 'POST',
			headers: { 'X-Trace': 't-1' },
			body: 'payload',
		});
		await fetch(`${baseUrl}/missing`);

		const [order, missing] = simulator.requests;
		assert.equal(simulator.requests.length, 2);
		assert.equal(order.method, 'POST');
		assert.equal(order.path, '/orders');
		assert.equal(order.query, 'a=1&b=x%20y');
		assert.equal(order.headers['x-trace'], 't-1');
		assert.equal(order.body, 'payload');
		assert.equal(order.status, 201);
		assert.ok(order.at >= before && order.at <= Date.now());
		assert.equal(missing.status, 404);
	});

	test('does not record control requests', async () => {
		simulator.clearRequests();
		await fetch(`${baseUrl}/__control/health`);
		assert.deepEqual(simulator.requests, []);
	});

	test('stop closes kept-alive connections at once and start works again', async () => {
		const other = new SimulatorServer({ name: 'Other' }).route('GET', '/', () => ({ status: 200 }));
		const url = await other.start();
		await fetch(url, { headers: { connection: 'keep-alive' } });

		const stopping = Date.now();
		await other.stop();
		assert.ok(Date.now() - stopping < 500);
		assert.throws(() => other.baseUrl, /not started/);
		await assert.rejects(fetch(url));

		await other.start();
		await other.stop();
	});
});
