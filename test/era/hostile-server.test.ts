import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Behaviour } from '../support/hostile-server';
import {
	dripBody,
	dripHeaders,
	endlessBody,
	redirect,
	resetAfterRequest,
	resetMidBody,
	respond,
	respondJson,
	sequence,
} from '../support/hostile-server';
import {
	LOGIN_PATH,
	byId,
	PASSWORD,
	POINT,
	POINTS_PATH,
	TOKEN,
	leaks,
	useHostileEra,
} from './hostile-fixture';

const MAY_HAVE_APPLIED =
	/ERA may have made this change before the failure, so n8n did not send it again/;
const ok = respondJson(200, POINT);

/** The run ended within `timeout` × 3 + 5 s: generous for a busy machine, far below a hang. */
function assertEndedInTime(startedAt: number, timeoutSeconds: number) {
	const elapsed = Date.now() - startedAt;
	assert.ok(elapsed < (timeoutSeconds * 3 + 5) * 1000, `the run took ${elapsed} ms`);
}

describe('ERA against a hostile server: a write is sent once, a read is retried', () => {
	const era = useHostileEra();

	for (const status of [500, 502, 504]) {
		test(`Create answered ${status} is sent exactly once, and the error says it may have been made`, async () => {
			const { server, create } = await era.serve(respond(status, '<html>proxy error</html>'));

			const result = await create();

			assert.equal(server.count, 1);
			assert.equal(server.requests[0].method, 'POST');
			assert.equal(
				result.error?.message,
				`ERA answered with HTTP ${status}: "<html>proxy error</html>"`,
			);
			assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
		});
	}

	test('Get answered 502 is sent again, and succeeds', async () => {
		const { server, get } = await era.serve(sequence(respond(502), ok));

		const result = await get();

		assert.equal(result.error, undefined);
		assert.equal(server.count, 2);
		assert.deepEqual(result.items[0].json, POINT);
	});

	test('Delete answered 504 is sent once (a second DELETE would answer "not found"); Update answered 502 is sent again', async () => {
		const deleting = await era.serve(sequence(respond(504), respond(204)));
		const updating = await era.serve(sequence(respond(502), ok));

		const deleted = await deleting.point('delete', { pointId: byId(POINT.id) });
		const updated = await updating.point('update', {
			pointId: byId(POINT.id),
			updateFields: { code: 'NEW' },
		});

		assert.equal(deleting.server.count, 1);
		assert.match(String(deleted.error?.description), MAY_HAVE_APPLIED);
		assert.equal(updated.error, undefined);
		assert.deepEqual(
			updating.server.requests.map((request) => request.method),
			['PATCH', 'PATCH'],
		);
	});

	test('Create refused with 429 (nothing was done) is sent again, and succeeds', async () => {
		const { server, create } = await era.serve(
			sequence(respond(429, '', { 'Retry-After': '0' }), ok),
		);

		const result = await create();

		assert.equal(result.error, undefined);
		assert.equal(server.count, 2);
		assert.deepEqual(result.items[0].json, POINT);
	});

	test('a connection reset after the request: Get is retried, Create is sent once', async () => {
		const read = await era.serve(sequence(resetAfterRequest(), ok));
		const write = await era.serve(resetAfterRequest());

		const get = await read.get();
		const create = await write.create();

		assert.equal(get.error, undefined);
		assert.equal(read.server.count, 2);
		assert.equal(write.server.count, 1);
		assert.match(String(create.error?.message), /^Could not reach ERA/);
		assert.match(String(create.error?.description), MAY_HAVE_APPLIED);
	});

	test('a connection reset in the middle of the reply: Get is retried, Create is sent once', async () => {
		const read = await era.serve(sequence(resetMidBody(200, '{"id":'), ok));
		const write = await era.serve(resetMidBody(200, '{"id":'));

		const get = await read.get();
		const create = await write.create();

		assert.equal(get.error, undefined);
		assert.equal(read.server.count, 2);
		assert.equal(write.server.count, 1);
		assert.match(String(create.error?.description), MAY_HAVE_APPLIED);
	});
});

describe('ERA against a hostile server: no request outlives its Timeout or its size cap', () => {
	const era = useHostileEra();

	for (const [name, behaviour] of [
		['a body that drips', dripBody(200, {}, 200)],
		['headers that drip', dripHeaders(200)],
	] as Array<[string, Behaviour]>) {
		test(`${name}: Create with Timeout 2 s fails in time, sent once`, async () => {
			const { server, create } = await era.serve(behaviour);

			const started = Date.now();
			const result = await create({ timeout: 2 });

			assertEndedInTime(started, 2);
			assert.equal(server.count, 1);
			assert.match(String(result.error?.message), /^ERA did not answer within 2 s/);
			assert.match(String(result.error?.description), /raise "Timeout \(Seconds\)"/);
			assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
		});

		test(`${name}: Get with Timeout 1 s fails in time after a bounded number of tries`, async () => {
			const { server, get } = await era.serve(behaviour);

			const started = Date.now();
			const result = await get({ timeout: 1 });

			assertEndedInTime(started, 1);
			assert.ok(server.count >= 1 && server.count <= 3, `${server.count} requests`);
			assert.match(String(result.error?.message), /^ERA did not answer within 1 s/);
		});
	}

	test('an endless reply stops at the size cap: "larger than", for Get and Create, and the run ends', async () => {
		const read = await era.serve(endlessBody(200, {}, '[{"id":"x"},'));
		const write = await era.serve(endlessBody(200, {}, '[{"id":"x"},'));

		const get = await read.get();
		const create = await write.create();

		assert.equal(get.error?.message, 'ERA sent a reply larger than 20 MB; n8n stopped reading it');
		assert.equal(
			create.error?.message,
			'ERA sent a reply larger than 20 MB; n8n stopped reading it',
		);
		assert.equal(write.server.count, 1);
		assert.match(String(create.error?.description), MAY_HAVE_APPLIED);
	});

	test('a login that drips is cut by the Timeout of the item waiting for it', async () => {
		const { server, get } = await era.serve(dripHeaders(200), { loggedIn: false });

		const started = Date.now();
		const result = await get({ timeout: 1 });

		assertEndedInTime(started, 1);
		assert.ok(server.count <= 3);
		assert.ok(server.requests.every((request) => request.path === LOGIN_PATH));
		assert.match(String(result.error?.message), /^ERA did not answer within 1 s/);
	});
});

describe('ERA against a hostile server: redirects and secrets', () => {
	const era = useHostileEra();

	for (const [status, operation] of [
		[302, 'get'],
		[307, 'create'],
	] as const) {
		test(`a ${status} to another server is not followed for ${operation === 'get' ? 'Get' : 'Create'}: that server receives nothing`, async () => {
			const other = await era.start(ok);
			const { server, get, create } = await era.serve(
				redirect(status, `${other.url}${POINTS_PATH}/${POINT.id}`),
			);

			const result = operation === 'get' ? await get() : await create();

			assert.equal(
				result.error?.message,
				`ERA redirected the request to ${other.url} (from ${server.url}); it was not followed`,
			);
			assert.equal(server.count, 1);
			assert.equal(other.count, 0);
		});
	}

	test('a redirect on the same server is followed, with the session', async () => {
		const { server, get } = await era.serve(
			sequence(redirect(302, `/moved${POINTS_PATH}/${POINT.id}`), ok),
		);

		const result = await get();

		assert.equal(result.error, undefined);
		assert.deepEqual(
			server.requests.map((request) => request.path),
			[`${POINTS_PATH}/${POINT.id}`, `/moved${POINTS_PATH}/${POINT.id}`],
		);
		assert.equal(server.requests[1].headers.authorization, `Bearer ${TOKEN}`);
	});

	test('a login redirected (307) to another server: it receives nothing, and the next run logs in again', async () => {
		const other = await era.start(respondJson(200, { session_token: 'stolen' }));
		const { server, get } = await era.serve(redirect(307, `${other.url}${LOGIN_PATH}`), {
			loggedIn: false,
		});

		const first = await get();
		const second = await get();

		assert.equal(other.count, 0);
		assert.ok(other.requests.every((request) => !request.raw.includes(PASSWORD)));
		assert.match(
			String(first.error?.message),
			new RegExp(`^ERA refused the login: the server redirected it to ${other.url} \\(HTTP 307\\)`),
		);
		assert.match(String(first.error?.message), /Server URL/);
		assert.doesNotMatch(String(second.error?.message), /Not tried again/);
		assert.deepEqual(
			server.requests.map((request) => `${request.method} ${request.path}`),
			[`POST ${LOGIN_PATH}`, `POST ${LOGIN_PATH}`],
		);
		assert.ok(
			server.requests[0].raw.includes(JSON.stringify(PASSWORD)),
			'the Server URL gets the login',
		);
	});

	test('a 500 that echoes the request and the password shows no form of a secret', async () => {
		const echo: Behaviour = (socket, request, index) =>
			respondJson(500, {
				error_code: 1501,
				error_message: `${request.raw} ${[PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(`admin:${PASSWORD}`).toString('base64')].join(' ')}`,
			})(socket, request, index);
		const read = await era.serve(echo);
		const write = await era.serve(echo);

		const get = await read.get({ continueOnFail: true });
		const create = await write.create();

		assert.ok(read.server.requests[0].raw.includes(`Bearer ${TOKEN}`), 'the echo holds the token');
		assert.match(String(get.items[0].json.error), /^ERA answered with error 1501/);
		assert.match(String(create.error?.message), /^ERA answered with error 1501/);
		for (const result of [get, create]) {
			assert.deepEqual(leaks(String(result.error?.message)), []);
			assert.deepEqual(leaks(String(result.error?.description)), []);
			assert.deepEqual(leaks(JSON.stringify(result.items)), []);
			assert.deepEqual(leaks(JSON.stringify(result)), []);
		}
	});
});
