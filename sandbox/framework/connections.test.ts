import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { SimulatorServer } from './simulator-server';

describe('SimulatorServer: a client that leaves', () => {
	let aborted: () => void;
	const gone = new Promise<void>((resolve) => (aborted = resolve));
	let arrived: () => void;
	const held = new Promise<void>((resolve) => (arrived = resolve));
	let answeredSignal: AbortSignal | undefined;
	const simulator = new SimulatorServer({ name: 'Test' })
		.route('GET', '/hold', async (request) => {
			request.signal?.addEventListener('abort', () => aborted());
			arrived();
			await gone;
			return { status: 200 };
		})
		.route('GET', '/quick', (request) => {
			answeredSignal = request.signal;
			return { status: 200, body: 'ok' };
		});

	before(async () => await simulator.start());
	after(async () => await simulator.stop());

	test("a held request's signal aborts when the client closes the connection", async () => {
		const client = new AbortController();
		const request = fetch(`${simulator.baseUrl}/hold`, { signal: client.signal }).catch(
			() => 'client aborted',
		);
		// Only once the server holds the request: an abort before it arrived would close nothing it sees.
		await held;
		client.abort();

		assert.equal(await request, 'client aborted');
		await gone;
	});

	test('an answered request leaves its signal alone', async () => {
		await (await fetch(`${simulator.baseUrl}/quick`)).text();
		await new Promise((resolve) => setTimeout(resolve, 20));

		assert.equal(answeredSignal?.aborted, false);
	});
});

describe('SimulatorServer: protocol upgrades', () => {
	const simulator = new SimulatorServer({ name: 'Test' });
	before(async () => await simulator.start());
	after(async () => await simulator.stop());

	test('an upgrade request is refused with 426 unless the simulator handles upgrades', async () => {
		const { request } = await import('node:http');
		const status = await new Promise<number | undefined>((resolve, reject) => {
			const req = request(`${simulator.baseUrl}/ws`, {
				headers: { Connection: 'Upgrade', Upgrade: 'websocket' },
			});
			req.on('response', (response) => {
				response.resume();
				resolve(response.statusCode);
			});
			req.on('upgrade', () => resolve(101));
			req.on('error', reject);
			req.end();
		});

		assert.equal(status, 426);
	});
});
