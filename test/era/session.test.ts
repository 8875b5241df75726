import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { unboundToken } from '../../nodes/Era/transport/login';
import { ERA_DEMO_CREDENTIALS, ERA_DEMO_POINTS } from '../../sandbox/era';
import { LOGIN_PATH, POINTS_PATH, byId, useEra } from './era-fixture';

const [FIRST] = ERA_DEMO_POINTS;
/** Each test its own wrong password: a refused one is not tried again for 3 minutes. */
const wrongPassword = (tag: string) => ['not', 'the', 'password', tag].join('-');
const GET_FIRST = `GET ${POINTS_PATH}/${FIRST.id}`;
const GET_BY_INPUT_ID = '={{ { __rl: true, mode: "id", value: $json.id } }}';

describe('ERA session credential', () => {
	const era = useEra();
	const getFirst = (items: number, credentialId?: string, continueOnFail = false) =>
		era.point('get', { pointId: byId(FIRST.id) }, Array(items).fill({}), {
			credentialId,
			continueOnFail,
		});
	/** `count` points of the demo domain, seeding more when the demo ones are too few. */
	const pointsInDomain = (count: number) => {
		era.simulator.seedPoints(Math.max(0, count - ERA_DEMO_POINTS.length));
		return era.simulator.points.list(ERA_DEMO_CREDENTIALS.domain).slice(0, count);
	};
	/** Get for each point, one item each: reads that differ, so none is shared. */
	const getEach = (points: Array<{ id: string }>, credentialId?: string, continueOnFail = false) =>
		era.point(
			'get',
			{ pointId: GET_BY_INPUT_ID },
			points.map((point) => ({ id: point.id })),
			{
				credentialId,
				continueOnFail,
			},
		);

	test('the credential test logs in and reads the current session', async () => {
		const fresh = era.addCredential();

		const result = await era.harness.testCredential(fresh, 'eraApi');

		assert.equal(result.message, undefined);
		assert.deepEqual(era.calls(), [
			`POST ${LOGIN_PATH} 200`,
			'GET /rest/v1/iam/sessions/current 200',
		]);
	});

	test('the credential test with a wrong password fails with "wrong domain, login or password"', async () => {
		const wrong = era.addCredential({ password: wrongPassword('credential-test-wrong') });

		const result = await era.harness.testCredential(wrong, 'eraApi');

		assert.equal(result.ok, false);
		assert.match(String(result.message), /ERA refused the login: wrong domain, login or password/);
		assert.deepEqual(era.calls(), [`POST ${LOGIN_PATH} 401`]);
	});

	test('a session taken with another password is not sent: the changed password is checked by a login', async () => {
		const wrong = wrongPassword('after-edit');
		// A valid session, stored before the user changed the password field to a wrong one.
		const edited = era.addCredential({ sessionToken: era.openSession(), password: wrong });

		const result = await era.harness.testCredential(edited, 'eraApi');

		assert.equal(result.ok, false);
		assert.match(String(result.message), /ERA refused the login: wrong domain, login or password/);
		assert.deepEqual(era.calls(), [
			'GET /rest/v1/iam/sessions/current 401',
			`POST ${LOGIN_PATH} 401`,
		]);
		assert.equal(era.simulator.requests[0].headers.authorization, 'Bearer none');
	});

	test('a session taken for another server URL never reaches the new server', async () => {
		const session = era.openSession();
		const moved = era.addCredential({
			sessionToken: session.replace(/^[0-9a-f]{64}/, (identity) =>
				identity.replace(/./, (c) => (c === '0' ? '1' : '0')),
			),
		});

		const result = await getFirst(1, moved);

		assert.equal(result.error, undefined);
		assert.equal(era.simulator.requests[0].headers.authorization, 'Bearer none');
		assert.deepEqual(era.calls(), [
			`${GET_FIRST} 401`,
			`POST ${LOGIN_PATH} 200`,
			`${GET_FIRST} 200`,
		]);
	});

	test('a session that expires mid-run is renewed by one login, and the run succeeds', async () => {
		const credentialId = era.addCredential({ sessionToken: era.openSession() });
		era.simulator.sessions.expireAfter(2);
		// Distinct points, so that each item sends its own read; they run side by side.
		const points = pointsInDomain(5);

		const result = await getEach(points, credentialId);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => item.json.id),
			points.map((point) => point.id),
		);
		const calls = era.calls();
		assert.deepEqual(
			calls.filter((call) => call.startsWith('POST')),
			[`POST ${LOGIN_PATH} 200`],
			'one login, however many items met the expired session',
		);
		assert.deepEqual(calls.slice(0, 1), [`GET ${POINTS_PATH}/${points[0].id} 200`]);
		assert.equal(calls.filter((call) => call.endsWith(' 200') && call.startsWith('GET')).length, 5);
		assert.equal(calls.filter((call) => call.endsWith(' 401')).length, 3);
		const renewed = unboundToken(
			era.harness.credentialsHelper.storedData(credentialId)?.sessionToken,
		);
		assert.equal(era.simulator.requests.at(-1)?.headers.authorization, `Bearer ${renewed}`);
	});

	test('Get Many with Return All survives a session expiry between pages', async () => {
		era.simulator.seedPoints(398);
		const credentialId = era.addCredential({ sessionToken: era.openSession() });
		era.simulator.sessions.expireAfter(2);

		const result = await era.point('getMany', { returnAll: true }, [{}], { credentialId });

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 400);
		assert.deepEqual(
			era.calls().map((call) => call.replace(/\?.*/, '')),
			[
				`GET ${POINTS_PATH} 200`,
				`GET ${POINTS_PATH} 200`,
				`GET ${POINTS_PATH} 401`,
				`POST ${LOGIN_PATH} 200`,
				`GET ${POINTS_PATH} 200`,
				`GET ${POINTS_PATH} 200`,
				`GET ${POINTS_PATH} 200`,
			],
		);
	});

	test('a wrong password over 10 items costs one login attempt, a clear error, and no ban', async () => {
		const wrong = era.addCredential({ password: wrongPassword('wrong-password-10-items') });

		const result = await getFirst(10, wrong, true);

		assert.equal(result.items.length, 10);
		for (const item of result.items) {
			assert.match(
				String(item.json.error),
				/^ERA refused the login: wrong domain, login or password \(error 1401: Access denied\)/,
			);
		}
		assert.deepEqual(era.calls(), [`POST ${LOGIN_PATH} 401`]);
		assert.equal(era.simulator.bans.failureCount('127.0.0.1'), 1);
	});

	test('a stale token with a wrong password: one re-login per run, never a loop', async () => {
		const wrong = era.addCredential({
			password: wrongPassword('wrong-password-stale'),
			sessionToken: 'stale-token',
		});

		const first = await getFirst(1, wrong);
		const second = await getFirst(1, wrong);

		assert.match(
			String(first.error?.message),
			/^ERA refused the login: wrong domain, login or password/,
		);
		assert.match(String(first.error?.description), /bans an address after 5 failed logins/);
		assert.match(String(second.error?.message), /Not tried again for another \d+ s/);
		assert.deepEqual(era.calls(), [
			`${GET_FIRST} 401`,
			`POST ${LOGIN_PATH} 401`,
			`${GET_FIRST} 401`,
		]);
	});

	test('fixing the password in the credential allows a new login at once', async () => {
		const credentialId = era.addCredential({
			password: wrongPassword('wrong-password-then-fixed'),
		});
		await getFirst(1, credentialId);
		era.harness.credentialsHelper.store({
			id: credentialId,
			name: 'fixed',
			type: 'eraApi',
			data: {
				...era.harness.credentialsHelper.storedData(credentialId),
				password: ERA_DEMO_CREDENTIALS.password,
			},
		});

		const result = await getFirst(1, credentialId);

		assert.equal(result.error, undefined);
		assert.deepEqual(era.calls(), [
			`POST ${LOGIN_PATH} 401`,
			`POST ${LOGIN_PATH} 200`,
			`${GET_FIRST} 200`,
		]);
	});

	test('a Server URL that is not ERA is a clear error, and tried again on the next run', async () => {
		const wrongUrl = era.addCredential({ serverUrl: `${era.baseUrl}/not-era` });

		const first = await getFirst(1, wrongUrl);
		const second = await getFirst(1, wrongUrl);

		assert.match(String(first.error?.message), /HTTP 404 and no ERA error: check the Server URL/);
		assert.match(String(second.error?.message), /check the Server URL/);
		assert.deepEqual(era.calls(), Array(2).fill(`POST /not-era${LOGIN_PATH} 404`));
	});

	test('a Server URL without http:// or https:// is refused before anything is sent', async () => {
		const noScheme = era.addCredential({ serverUrl: ' era.example.com/ ' });

		const result = await getFirst(1, noScheme);

		assert.equal(
			result.error?.message,
			'The Server URL in the ERA credential is not a web address: "era.example.com"',
		);
		assert.deepEqual(era.calls(), []);
	});

	test('a banned address gets the ban answer: the node shows the wait and sends nothing more', async () => {
		for (let i = 0; i < 5; i++) {
			await fetch(`${era.baseUrl}${LOGIN_PATH}`, {
				method: 'POST',
				body: JSON.stringify({ domain: 'sandbox.era', login: 'admin', pwd: `guess-${i}` }),
			});
		}
		era.simulator.clearRequests();

		const points = pointsInDomain(3);
		const result = await getEach(points, undefined, true);

		assert.equal(result.items.length, 3);
		assert.equal(result.items[0].json.error, 'ERA answered with error 10201 (wait): wait');
		assert.match(String(result.items[0].error?.description), /Wait 1[78]\d s/);
		assert.deepEqual(
			era.calls().sort(),
			points.map((point) => `GET ${POINTS_PATH}/${point.id} 403`).sort(),
			'one request per item, no retry, no login',
		);
	});

	test('a login during a ban says that ERA blocks this address, and is not repeated', async () => {
		era.simulator.bans.recordFailure('127.0.0.1');
		for (let i = 0; i < 4; i++) era.simulator.bans.recordFailure('127.0.0.1');
		const fresh = era.addCredential({ password: ERA_DEMO_CREDENTIALS.password, login: 'admin' });

		const result = await getEach(ERA_DEMO_POINTS.slice(0, 2), fresh, true);

		assert.match(
			String(result.items[0].json.error),
			/ERA has blocked logins from this address for 1[78]\d s/,
		);
		assert.match(String(result.items[1].json.error), /Not tried again/);
		assert.deepEqual(era.calls(), [`POST ${LOGIN_PATH} 403`]);
	});
});
