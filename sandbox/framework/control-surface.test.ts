import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { SimulatorServer } from './simulator-server';

class CountingSimulator extends SimulatorServer {
	count = 0;

	constructor() {
		super({ name: 'Counter' });
		this.route('POST', '/count', () => ({ status: 200, body: { count: ++this.count } }));
		this.controlRoute('GET', '/counter/value', () => ({
			status: 200,
			body: { count: this.count },
		}));
	}

	protected override resetState(): void {
		this.count = 0;
	}
}

describe('control surface under /__control/', () => {
	const simulator = new CountingSimulator();
	let baseUrl: string;
	const control = (path: string, init?: RequestInit) => fetch(`${baseUrl}/__control${path}`, init);
	const postJson = (path: string, body: unknown) =>
		control(path, { method: 'POST', body: JSON.stringify(body) });

	before(async () => {
		baseUrl = await simulator.start();
	});
	beforeEach(() => simulator.reset());
	after(() => simulator.stop());

	test('GET /health names the simulator', async () => {
		const res = await control('/health');
		assert.deepEqual(await res.json(), { name: 'Counter', ok: true });
	});

	test('GET /requests returns the log and DELETE /requests clears it', async () => {
		await fetch(`${baseUrl}/count`, { method: 'POST', body: 'x' });

		const log = (await (await control('/requests')).json()) as Array<{
			path: string;
			body: string;
		}>;
		assert.equal(log.length, 1);
		assert.equal(log[0].path, '/count');
		assert.equal(log[0].body, 'x');

		assert.equal((await control('/requests', { method: 'DELETE' })).status, 204);
		assert.deepEqual(await (await control('/requests')).json(), []);
	});

	test('POST /faults accepts one fault or an array, GET lists them, DELETE clears them', async () => {
		assert.equal((await postJson('/faults', { status: 503 })).status, 201);
		const res = await postJson('/faults', [{ status: 500, times: 2 }, { latencyMs: 5 }]);
		assert.deepEqual(await res.json(), [
			{ status: 503, times: 1 },
			{ status: 500, times: 2 },
			{ latencyMs: 5, times: 1 },
		]);

		assert.equal((await control('/faults', { method: 'DELETE' })).status, 204);
		assert.deepEqual(await (await control('/faults')).json(), []);
		assert.equal((await fetch(`${baseUrl}/count`, { method: 'POST' })).status, 200);
	});

	test('POST /faults refuses a malformed fault with 400', async () => {
		const res = await postJson('/faults', { status: '500' });
		assert.equal(res.status, 400);
		assert.deepEqual(await res.json(), {
			error: 'bad_request',
			reason: "Fault field 'status' must be a number",
		});
		assert.equal((await postJson('/faults', { ratio: 2 })).status, 400);
	});

	test('POST /reset restores state and clears the log and faults', async () => {
		await fetch(`${baseUrl}/count`, { method: 'POST' });
		simulator.injectFault({ status: 500 });

		assert.equal((await control('/reset', { method: 'POST' })).status, 204);

		assert.equal(simulator.count, 0);
		assert.deepEqual(simulator.requests, []);
		assert.deepEqual(simulator.faults, []);
	});

	test('a simulator mounts its own control routes under /__control', async () => {
		await fetch(`${baseUrl}/count`, { method: 'POST' });
		assert.deepEqual(await (await control('/counter/value')).json(), { count: 1 });
	});

	test('an unknown control route is a 404 that is not logged', async () => {
		assert.equal((await control('/nothing')).status, 404);
		assert.deepEqual(simulator.requests, []);
	});
});
