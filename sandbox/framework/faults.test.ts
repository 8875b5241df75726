import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { SimulatorServer } from './simulator-server';

describe('fault injection', () => {
	const simulator = new SimulatorServer({ name: 'Faulty' })
		.route('GET', '/items', () => ({ status: 200, body: { items: [] } }))
		.route('POST', '/items', () => ({ status: 201, body: { id: 1 } }))
		.route('GET', '/other', () => ({ status: 200, body: 'other' }));
	let baseUrl: string;
	const statuses = async (count: number, path = '/items') => {
		const seen: number[] = [];
		for (let i = 0; i < count; i++) seen.push((await fetch(`${baseUrl}${path}`)).status);
		return seen;
	};

	before(async () => {
		baseUrl = await simulator.start();
	});
	beforeEach(() => simulator.reset());
	after(() => simulator.stop());

	test('status with Retry-After hits the next N requests, then the handler answers', async () => {
		const injected = await fetch(`${baseUrl}/__control/faults`, {
			method: 'POST',
			body: JSON.stringify({ status: 429, retryAfter: '2', times: 2 }),
		});
		assert.equal(injected.status, 201);

		const first = await fetch(`${baseUrl}/items`);
		assert.equal(first.status, 429);
		assert.equal(first.headers.get('retry-after'), '2');
		assert.deepEqual(await first.json(), { error: 'injected_fault', reason: 'Injected HTTP 429' });
		assert.deepEqual(await statuses(2), [429, 200]);
	});

	test('injected faults appear in the request log with their status', async () => {
		simulator.injectFault({ status: 503, body: 'down' });
		const res = await fetch(`${baseUrl}/items`);
		assert.equal(await res.text(), 'down');
		await fetch(`${baseUrl}/items`);
		assert.deepEqual(
			simulator.requests.map((entry) => entry.status),
			[503, 200],
		);
	});

	test('ratio hits that share of matching requests, deterministically', async () => {
		simulator.injectFault({ status: 500, ratio: 0.5 });
		assert.deepEqual(await statuses(6), [200, 500, 200, 500, 200, 500]);
	});

	test('ratio with times stops after that many hits', async () => {
		simulator.injectFault({ status: 500, ratio: 1, times: 2 });
		assert.deepEqual(await statuses(3), [500, 500, 200]);
	});

	test('latencyMs delays the reply and the handler still answers', async () => {
		simulator.injectFault({ latencyMs: 150 });
		const started = Date.now();
		const res = await fetch(`${baseUrl}/items`);
		assert.ok(Date.now() - started >= 140);
		assert.deepEqual(await res.json(), { items: [] });
	});

	test('reset destroys the socket: fetch rejects and the log shows status 0', async () => {
		simulator.injectFault({ reset: true });
		await assert.rejects(fetch(`${baseUrl}/items`));
		assert.equal(simulator.requests[0].status, 0);
		assert.equal((await fetch(`${baseUrl}/items`)).status, 200);
	});

	test('malformedBody answers 200 with that text under the JSON content type', async () => {
		simulator.injectFault({ malformedBody: '{"items": [' });
		const res = await fetch(`${baseUrl}/items`);
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
		await assert.rejects(res.json(), SyntaxError);
	});

	test('match narrows a fault to a method and an exact path or a prefix', async () => {
		simulator.injectFault([
			{ status: 502, match: { method: 'post', path: '/items' } },
			{ status: 504, match: { path: '/oth*' } },
		]);
		assert.deepEqual(await statuses(1), [200]);
		assert.equal((await fetch(`${baseUrl}/items`, { method: 'POST' })).status, 502);
		assert.deepEqual(await statuses(2, '/other'), [504, 200]);
	});

	test('control requests are never faulted', async () => {
		simulator.injectFault({ status: 500 });
		assert.equal((await fetch(`${baseUrl}/__control/health`)).status, 200);
		assert.equal(simulator.faults.length, 1);
	});
});
