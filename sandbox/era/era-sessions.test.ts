import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { ERA_DEMO_CREDENTIALS } from './demo-data';
import { createEraSimulator } from './era-simulator';
import { eraClient } from './era-test-client';

describe('ERA simulator: sessions and the brute-force guard', () => {
	const simulator = createEraSimulator();
	let baseUrl = '';
	const era = eraClient(() => baseUrl);

	before(async () => {
		baseUrl = await simulator.start();
	});
	beforeEach(() => simulator.reset());
	after(() => simulator.stop());

	test('a token login answers session_token, which works as a Bearer token', async () => {
		const login = await era.login();
		assert.equal(login.status, 200);
		assert.match(login.json.session_token, /^[0-9a-f]{32}$/);

		const current = await era.send('GET', '/rest/v1/iam/sessions/current');
		assert.equal(current.status, 200);
		assert.deepEqual([current.json.domain, current.json.login], ['sandbox.era', 'admin']);
	});

	test('a login without session_type sets the EraSession cookie instead', async () => {
		const login = await era.login({ session_type: undefined });
		assert.equal(login.json.session_token, undefined);
		const cookie = String(login.headers.get('set-cookie')).split(';')[0];
		const res = await fetch(`${baseUrl}/rest/v1/iam/sessions/current`, { headers: { cookie } });
		assert.equal(res.status, 200);
	});

	test('requests without a live session are 401 {1407, Unauthorized}', async () => {
		const res = await era.send('GET', '/rest/v1/service/integration_points', undefined, false);
		assert.equal(res.status, 401);
		assert.deepEqual(res.json, { error_code: 1407, error_message: 'Unauthorized' });
	});

	test('the expire control ends every session: the old token gets 401, a new login works', async () => {
		await era.login();
		const expire = await fetch(`${baseUrl}/__control/era/sessions/expire`, { method: 'POST' });
		assert.deepEqual(await expire.json(), { expired: 1 });
		assert.equal(simulator.sessions.isLive(era.token), false);
		assert.equal((await era.send('GET', '/rest/v1/iam/sessions/current')).status, 401);
		await era.login();
		assert.equal(simulator.sessions.isLive(era.token), true);
		assert.equal((await era.send('GET', '/rest/v1/iam/sessions/current')).status, 200);
	});

	test('expire with afterRequests lets n requests through, then every session ends', async () => {
		await era.login();
		const res = await fetch(`${baseUrl}/__control/era/sessions/expire`, {
			method: 'POST',
			body: JSON.stringify({ afterRequests: 2 }),
		});
		assert.deepEqual(await res.json(), { expiresAfterRequests: 2 });
		const statuses = [];
		for (let i = 0; i < 3; i++) {
			statuses.push((await era.send('GET', '/rest/v1/iam/sessions/current')).status);
		}
		assert.deepEqual(statuses, [200, 200, 401]);
	});

	test('a session lapses after its lifetime without use', async () => {
		const short = createEraSimulator({ sessionTtlMs: 50 });
		const url = await short.start();
		try {
			const client = eraClient(() => url);
			await client.login();
			assert.equal((await client.send('GET', '/rest/v1/iam/sessions/current')).status, 200);
			await new Promise((resolve) => setTimeout(resolve, 80));
			assert.equal((await client.send('GET', '/rest/v1/iam/sessions/current')).status, 401);
		} finally {
			await short.stop();
		}
	});

	test('DELETE /sessions/current ends the session', async () => {
		await era.login();
		assert.equal((await era.send('DELETE', '/rest/v1/iam/sessions/current')).status, 204);
		assert.equal((await era.send('GET', '/rest/v1/iam/sessions/current')).status, 401);
	});

	test('failed logins name the reason: unknown domain, unknown user, wrong password', async () => {
		assert.deepEqual((await era.login({ domain: 'nope' })).json, {
			error_code: 10001,
			error_message: 'Domain not found',
		});
		assert.equal((await era.login({ login: 'ghost' })).json.error_code, 10002);
		const wrong = await era.login({ pwd: 'wrong' });
		assert.equal(wrong.status, 401);
		assert.deepEqual(wrong.json, { error_code: 1401, error_message: 'Access denied' });
	});

	test('5 failed logins in 3 minutes ban the IP: everything, even a good login, gets 403 10201 wait', async () => {
		await era.login();
		for (let i = 0; i < 4; i++) await era.login({ pwd: `wrong-${i}` });
		assert.equal((await era.login()).status, 200, 'four failures do not ban');
		await era.login({ pwd: 'wrong-5' });

		const banned = await era.login();
		assert.equal(banned.status, 403);
		assert.equal(banned.json.error_code, 10201);
		assert.equal(banned.json.error_message, 'wait');
		assert.ok(banned.json.error_details.timer > 170 && banned.json.error_details.timer <= 180);
		const list = await era.send('GET', '/rest/v1/service/integration_points');
		assert.equal(list.json.error_code, 10201, 'an authenticated request is refused too');
		assert.equal(simulator.bans.failureCount('127.0.0.1'), 5, 'banned logins are not processed');

		await fetch(`${baseUrl}/__control/era/bans`, { method: 'DELETE' });
		assert.equal((await era.login()).status, 200);
	});

	test('the demo credentials are the documented sandbox login', () => {
		assert.deepEqual(ERA_DEMO_CREDENTIALS, {
			domain: 'sandbox.era',
			login: 'admin',
			password: 'era-demo-password',
		});
	});
});
