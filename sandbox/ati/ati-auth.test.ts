import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { createAtiSimulator } from './ati-simulator';
import { ATI_DEMO_TOKEN } from './demo-data';

describe('ATI simulator: Bearer token auth', () => {
	const simulator = createAtiSimulator({ tokens: [ATI_DEMO_TOKEN, 'second-token'] });
	let baseUrl: string;
	const getBalance = (headers: Record<string, string> = {}) =>
		fetch(`${baseUrl}/v1.0/balance`, { headers });

	before(async () => {
		baseUrl = await simulator.start();
	});
	after(() => simulator.stop());

	test('a missing Authorization header is a 401 with ATI error body', async () => {
		const res = await getBalance();
		assert.equal(res.status, 401);
		assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
		assert.deepEqual(await res.json(), {
			error: 'invalid_token',
			reason: 'An Authorization header with a Bearer token is required',
		});
	});

	test('an unknown token is a 401 with ATI error body', async () => {
		const res = await getBalance({ Authorization: 'Bearer wrong' });
		assert.equal(res.status, 401);
		assert.deepEqual(await res.json(), {
			error: 'invalid_token',
			reason: 'The access token is unknown or expired',
		});
	});

	test('a token without the Bearer scheme is a 401', async () => {
		assert.equal((await getBalance({ Authorization: ATI_DEMO_TOKEN })).status, 401);
	});

	test('presence routes need the token too', async () => {
		assert.equal((await fetch(`${baseUrl}/presence/state/123.0/`)).status, 401);
	});

	test('GET /v1.0/balance with any known token answers balance, contactId and firmId', async () => {
		for (const token of [ATI_DEMO_TOKEN, 'second-token']) {
			const res = await getBalance({ Authorization: `Bearer ${token}` });
			assert.equal(res.status, 200);
			assert.deepEqual(await res.json(), { balance: 1000, contactId: 1, firmId: 123456 });
		}
	});
});
