import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { ERA_DEMO_POINTS } from './demo-data';
import { createEraSimulator } from './era-simulator';
import { eraClient } from './era-test-client';

const POINTS = '/rest/v1/service/integration_points';
const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

describe('ERA simulator: integration points', () => {
	const simulator = createEraSimulator();
	let baseUrl = '';
	const era = eraClient(() => baseUrl);

	before(async () => {
		baseUrl = await simulator.start();
	});
	beforeEach(async () => {
		simulator.reset();
		await era.login();
	});
	after(() => simulator.stop());

	test('GET of the documented point answers the documented example', async () => {
		const res = await era.send('GET', `${POINTS}/b4680fbe-016c-d86f-1d6b-50e54938780c`);
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
		assert.deepEqual(res.json, ERA_DEMO_POINTS[0]);
	});

	test('POST creates a point with a server id, token_local and ext.ct = ext.lwt; GET returns it', async () => {
		const created = await era.send('POST', POINTS, {
			code: 'NEW',
			type: 'public',
			opts: { title: 'T' },
		});
		assert.equal(created.status, 200);
		assert.match(created.json.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		assert.match(created.json.token_local, /^[0-9a-f]{32}$/);
		assert.match(created.json.ext.ct, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{2}Z$/);
		assert.equal(created.json.ext.lwt, created.json.ext.ct);
		assert.deepEqual(created.json.opts, {
			title: 'T',
			comment: '',
			allow_files_api: false,
			issync: false,
		});
		assert.deepEqual((await era.send('GET', `${POINTS}/${created.json.id}`)).json, created.json);
	});

	test('POST without code or type is 400 {1413}; a taken code is 409 {1402}', async () => {
		const missing = await era.send('POST', POINTS, { type: 'public' });
		assert.equal(missing.status, 400);
		assert.equal(missing.json.error_code, 1413);
		assert.match(missing.json.error_message, /'code' is required/);
		const taken = await era.send('POST', POINTS, { code: 'ABCDE', type: 'public' });
		assert.equal(taken.status, 409);
		assert.equal(taken.json.error_code, 1402);
	});

	test('PATCH changes fields, merges opts and moves ext.lwt; id and token_local are refused', async () => {
		const id = ERA_DEMO_POINTS[0].id;
		const remote = ['00ea293c', '29f9dc30'].join('');
		const patched = await era.send('PATCH', `${POINTS}/${id}`, {
			token_remote: remote,
			opts: { title: 'Renamed' },
		});
		assert.equal(patched.status, 200);
		assert.equal(patched.json.token_remote, remote);
		assert.deepEqual(patched.json.opts, {
			title: 'Renamed',
			comment: '',
			allow_files_api: false,
			issync: false,
		});
		assert.notEqual(patched.json.ext.lwt, ERA_DEMO_POINTS[0].ext.lwt);
		assert.equal(patched.json.ext.ct, ERA_DEMO_POINTS[0].ext.ct);

		const refused = await era.send('PATCH', `${POINTS}/${id}`, { token_local: 'x', id: 'y' });
		assert.equal(refused.status, 400);
		assert.deepEqual(refused.json.error_details, { fields: ['id', 'token_local'] });
	});

	test('DELETE answers 204, then the point is gone (404 {1404})', async () => {
		const id = ERA_DEMO_POINTS[1].id;
		assert.equal((await era.send('DELETE', `${POINTS}/${id}`)).status, 204);
		const gone = await era.send('GET', `${POINTS}/${id}`);
		assert.equal(gone.status, 404);
		assert.equal(gone.json.error_code, 1404);
		assert.equal((await era.send('DELETE', `${POINTS}/${id}`)).status, 404);
	});

	test('the list pages with offset and limit, in creation order', async () => {
		simulator.seedPoints(5);
		const page = await era.send('GET', `${POINTS}${q({ offset: '2', limit: '3', mask: 'code' })}`);
		assert.deepEqual(page.json, [
			{ code: 'seed-00001' },
			{ code: 'seed-00002' },
			{ code: 'seed-00003' },
		]);
		const all = await era.send('GET', POINTS);
		assert.equal(all.json.length, 7);
	});

	test('filter, mask, order and flat work together', async () => {
		simulator.seedPoints(3);
		const res = await era.send(
			'GET',
			`${POINTS}${q({
				filter: JSON.stringify({ type: 'public' }),
				mask: 'code,opts.title',
				order: JSON.stringify([{ code: 'desc' }]),
				flat: 'true',
				limit: '2',
			})}`,
		);
		assert.deepEqual(res.json, [
			{ code: 'seed-00003', 'opts.title': '' },
			{ code: 'seed-00002', 'opts.title': '' },
		]);
	});

	test('a filter that is not a JSON object is 400 {1413}', async () => {
		const res = await era.send('GET', `${POINTS}${q({ filter: '[1]' })}`);
		assert.equal(res.status, 400);
		assert.equal(res.json.error_code, 1413);
	});

	test('LOOKUP finds ids by id, code or token_local, and answers 404 {1404, Lookup failed}', async () => {
		const [first] = ERA_DEMO_POINTS;
		for (const key of [first.id, first.code, first.token_local]) {
			const res = await era.send('LOOKUP', POINTS, key);
			assert.equal(res.status, 200, key);
			assert.deepEqual(res.json, [first.id]);
		}
		const missing = await era.send('LOOKUP', POINTS, 'nothing');
		assert.equal(missing.status, 404);
		assert.deepEqual(missing.json, { error_code: 1404, error_message: 'Lookup failed' });
		assert.equal(simulator.requests.at(-1)?.method, 'LOOKUP');
	});

	test('LOOKUP needs a session and a JSON string body', async () => {
		assert.equal((await era.send('LOOKUP', POINTS, { code: 'x' })).status, 400);
		assert.equal((await era.send('LOOKUP', POINTS, 'ABCDE', false)).status, 401);
	});

	test('a token check answers the domain and a link to the point, or 404 Token not found', async () => {
		const [first] = ERA_DEMO_POINTS;
		const found = await era.send('GET', `/rest/v1/service/integration_tokens/${first.token_local}`);
		assert.deepEqual(found.json, {
			domain: 'sandbox.era',
			integration_point: {
				id: first.id,
				_links: { self: { href: `${POINTS}/${first.id}` } },
			},
		});
		const missing = await era.send('GET', '/rest/v1/service/integration_tokens/nope');
		assert.deepEqual(missing.json, { error_code: 1404, error_message: 'Token not found' });
	});

	test('the points control lists and seeds points', async () => {
		const seeded = await fetch(`${baseUrl}/__control/era/points`, {
			method: 'POST',
			body: JSON.stringify({ count: 3, prefix: 'ctl' }),
		});
		assert.deepEqual(await seeded.json(), { created: 3 });
		const listed = (await (await fetch(`${baseUrl}/__control/era/points`)).json()) as unknown[];
		assert.equal(listed.length, 5);
	});
});
