import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { createAtiSimulator } from './ati-simulator';
import { ATI_DEMO_TOKEN } from './demo-data';

describe('ATI simulator: Presence', () => {
	const simulator = createAtiSimulator();
	let baseUrl: string;
	const auth = { Authorization: `Bearer ${ATI_DEMO_TOKEN}` };
	const getState = (codeId: string) =>
		fetch(`${baseUrl}/presence/state/${codeId}/`, { headers: auth });
	const postStates = (body: string, contentType = 'application/json') =>
		fetch(`${baseUrl}/presence/state`, {
			method: 'POST',
			headers: { ...auth, 'Content-Type': contentType },
			body,
		});
	const reasonOf = async (res: Response) => ((await res.json()) as { reason: string }).reason;

	before(async () => {
		baseUrl = await simulator.start();
	});
	beforeEach(() => simulator.reset());
	after(() => simulator.stop());

	test('GET /presence/state/123.0/ answers the documented example byte for byte', async () => {
		const res = await getState('123.0');
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
		assert.equal(await res.text(), '{"code_id":"123.0","state":"offline"}');
	});

	test('GET answers the stored state, and offline for an unknown contact', async () => {
		assert.deepEqual(await (await getState('123456.0')).json(), {
			code_id: '123456.0',
			state: 'online',
		});
		assert.deepEqual(await (await getState('999.9')).json(), {
			code_id: '999.9',
			state: 'offline',
		});
	});

	test('GET with a code_id that is not digits.digits is a 400', async () => {
		for (const codeId of ['abc', '123456', '12.3.4', '-1.0']) {
			const res = await getState(codeId);
			assert.equal(res.status, 400, codeId);
			assert.equal(((await res.json()) as { error: string }).error, 'bad_request');
		}
	});

	test('GET without the trailing slash is not the documented path: 404', async () => {
		assert.equal((await fetch(`${baseUrl}/presence/state/123.0`, { headers: auth })).status, 404);
	});

	test('POST /presence/state with the documented body answers [{code_id, state}]', async () => {
		const res = await postStates('["123456.0"]');
		assert.equal(res.status, 200);
		assert.equal(await res.text(), '[{"code_id":"123456.0","state":"online"}]');
	});

	test('POST answers in request order, unknown contacts offline', async () => {
		const res = await postStates(JSON.stringify(['345678.0', '999.1', '234567.0']));
		assert.deepEqual(await res.json(), [
			{ code_id: '345678.0', state: 'offline' },
			{ code_id: '999.1', state: 'offline' },
			{ code_id: '234567.0', state: 'online' },
		]);
	});

	test('POST takes 100 code_ids and refuses 101 with a 400 saying at most 100', async () => {
		const ids = (count: number) => Array.from({ length: count }, (_, i) => `${i + 1}.0`);
		assert.equal((await postStates(JSON.stringify(ids(100)))).status, 200);

		const res = await postStates(JSON.stringify(ids(101)));
		assert.equal(res.status, 400);
		assert.match(await reasonOf(res), /At most 100/);
	});

	test('POST refuses a body that is not an array of code_id strings with a 400', async () => {
		const cases: Array<[string, RegExp]> = [
			['{"code_id":"123.0"}', /JSON array/],
			['[123456]', /not a code_id/],
			['["123456"]', /not a code_id/],
			['["123.0", null]', /not a code_id/],
			['[oops', /not valid JSON/],
			['', /not valid JSON/],
		];
		for (const [body, reason] of cases) {
			const res = await postStates(body);
			assert.equal(res.status, 400, body);
			assert.match(await reasonOf(res), reason, body);
		}
	});

	test('POST without Content-Type application/json is a 400', async () => {
		const res = await postStates('["123.0"]', 'text/plain');
		assert.equal(res.status, 400);
		assert.equal(await reasonOf(res), 'Content-Type must be application/json');
		assert.equal((await postStates('["123.0"]', 'application/json; charset=utf-8')).status, 200);
	});

	test('the request log shows what the client sent', async () => {
		await postStates('["123.0"]');
		const [logged] = simulator.requests;
		assert.equal(logged.method, 'POST');
		assert.equal(logged.path, '/presence/state');
		assert.equal(logged.headers.authorization, `Bearer ${ATI_DEMO_TOKEN}`);
		assert.equal(logged.body, '["123.0"]');
		assert.equal(logged.status, 200);
	});
});
