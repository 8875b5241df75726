import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { createAtiSimulator } from './ati-simulator';
import { ATI_DEMO_TOKEN } from './demo-data';

describe('ATI simulator: 10 requests per second per token', () => {
	const simulator = createAtiSimulator({ tokens: [ATI_DEMO_TOKEN, 'other-token'] });
	let baseUrl: string;
	const getState = (token = ATI_DEMO_TOKEN) =>
		fetch(`${baseUrl}/presence/state/123.0/`, { headers: { Authorization: `Bearer ${token}` } });

	before(async () => {
		baseUrl = await simulator.start();
	});
	beforeEach(() => simulator.reset());
	after(() => simulator.stop());

	test('the 11th request within a second is a 429 with ATI error body and no Retry-After', async () => {
		for (let i = 0; i < 10; i++) assert.equal((await getState()).status, 200);

		const res = await getState();
		assert.equal(res.status, 429);
		assert.equal(res.headers.get('retry-after'), null);
		assert.equal(((await res.json()) as { error: string }).error, 'too_many_requests');
		assert.equal(simulator.requests.length, 11);
	});

	test('each token has its own budget', async () => {
		for (let i = 0; i < 10; i++) await getState();
		assert.equal((await getState()).status, 429);
		assert.equal((await getState('other-token')).status, 200);
	});

	test('reset clears the budget', async () => {
		for (let i = 0; i < 11; i++) await getState();
		simulator.reset();
		assert.equal((await getState()).status, 200);
	});

	test('requestsPerSecond changes the limit', async () => {
		const strict = createAtiSimulator({ requestsPerSecond: 2 });
		const url = await strict.start();
		try {
			const headers = { Authorization: `Bearer ${ATI_DEMO_TOKEN}` };
			const seen: number[] = [];
			for (let i = 0; i < 3; i++)
				seen.push((await fetch(`${url}/v1.0/balance`, { headers })).status);
			assert.deepEqual(seen, [200, 200, 429]);
		} finally {
			await strict.stop();
		}
	});
});
