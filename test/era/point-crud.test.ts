import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { unboundToken } from '../../nodes/Era/transport/login';
import { ERA_DEMO_POINTS } from '../../sandbox/era';
import { POINTS_PATH, byId, useEra } from './era-fixture';

const [FIRST, SECOND] = ERA_DEMO_POINTS;

describe('ERA integration point: Create, Get, Update, Delete', () => {
	const era = useEra();

	test('Create sends code, type, the chosen fields and opts, and outputs the created point', async () => {
		const result = await era.point(
			'create',
			{
				code: '={{ $json.code }}',
				type: 'public',
				additionalFields: { url: 'https://crm.example.com/hook', recv_svcscriptcode: 'ws_hook' },
				opts: { title: 'CRM', issync: true },
			},
			[{ code: 'CRM-1' }, { code: 'CRM-2' }],
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json.code, item.json.url, item.pairedItem]),
			[
				['CRM-1', 'https://crm.example.com/hook', { item: 0 }],
				['CRM-2', 'https://crm.example.com/hook', { item: 1 }],
			],
		);
		assert.deepEqual(JSON.parse(era.simulator.requests.at(-1)?.body ?? ''), {
			url: 'https://crm.example.com/hook',
			recv_svcscriptcode: 'ws_hook',
			code: 'CRM-2',
			type: 'public',
			opts: { title: 'CRM', issync: true },
		});
		const stored = era.simulator.points.list('sandbox.era').find((point) => point.code === 'CRM-1');
		assert.equal(stored?.id, result.items[0].json.id);
		assert.match(String(result.items[0].json.token_local), /^[0-9a-f]{32}$/);
	});

	test('the first run logs in once with session_type token, and later runs reuse the session', async () => {
		const fresh = era.addCredential();
		await era.point('get', { pointId: byId(FIRST.id) }, [{}], { credentialId: fresh });
		await era.point('get', { pointId: byId(FIRST.id) }, [{}], { credentialId: fresh });

		const logins = era.simulator.requests.filter(
			(request) => request.path === '/rest/v1/iam/sessions',
		);
		assert.equal(logins.length, 1);
		assert.deepEqual(JSON.parse(logins[0].body), {
			domain: 'sandbox.era',
			login: 'admin',
			pwd: 'era-demo-password',
			session_type: 'token',
		});
		const token = unboundToken(era.harness.credentialsHelper.storedData(fresh)?.sessionToken);
		assert.match(token, /^[0-9a-f]{32}$/);
		assert.equal(era.simulator.requests.at(-1)?.headers.authorization, `Bearer ${token}`);
	});

	test('Create with an empty code fails that item before any request', async () => {
		const result = await era.point('create', { code: '={{ $json.code }}', type: 'public' }, [
			{ code: 'OK-1' },
			{ code: '' },
		]);

		assert.match(String(result.error?.message), /^Code is empty/);
		assert.equal(result.error?.context.itemIndex, 1);
		assert.deepEqual(era.calls(), [`POST ${POINTS_PATH} 200`]);
	});

	test('Create with a taken code shows ERA error code and message', async () => {
		const result = await era.point('create', { code: FIRST.code, type: 'public' });

		assert.equal(
			result.error?.message,
			'ERA answered with error 1402 (already_exists): Already exists',
		);
		assert.match(String(result.error?.description), /already exists/);
	});

	test('Get by ID, by URL and from the list all fetch the same point', async () => {
		const modes = [
			byId(FIRST.id),
			{ __rl: true, mode: 'url', value: `${era.baseUrl}${POINTS_PATH}/${FIRST.id}` },
			{ __rl: true, mode: 'list', value: FIRST.id },
		];
		for (const pointId of modes) {
			const result = await era.point('get', { pointId });
			assert.equal(result.error, undefined, pointId.mode);
			assert.deepEqual(result.items[0].json, FIRST);
		}
		assert.deepEqual(era.calls(), Array(3).fill(`GET ${POINTS_PATH}/${FIRST.id} 200`));
	});

	test('a URL that is not an integration point URL is refused by n8n before any request', async () => {
		await assert.rejects(
			era.point('get', {
				pointId: { __rl: true, mode: 'url', value: 'https://era.example.com/admin' },
			}),
			/Not an ERA integration point URL/,
		);
		assert.deepEqual(era.calls(), []);
	});

	test('Get sends the chosen fields as mask and flat=true', async () => {
		const result = await era.point('get', {
			pointId: byId(FIRST.id),
			options: { mask: ['code', 'opts.title'], flat: true },
		});

		assert.deepEqual(result.items[0].json, { code: 'ABCDE', 'opts.title': '' });
		assert.equal(era.simulator.requests[0].query, 'mask=code%2Copts.title&flat=true');
	});

	test('Get of an unknown ID fails with error 1404', async () => {
		const result = await era.point('get', { pointId: byId('no-such-point') });

		assert.equal(result.error?.message, 'ERA answered with error 1404 (not_found): Not found');
		assert.equal(result.error?.context.itemIndex, 0);
	});

	test('Update PATCHes only the given fields, without opts reads nothing first', async () => {
		const result = await era.point('update', {
			pointId: byId(FIRST.id),
			updateFields: { url: 'https://new.example.com', otherFields: '{"token_remote2": "r2"}' },
		});

		assert.equal(result.error, undefined);
		assert.deepEqual(era.calls(), [`PATCH ${POINTS_PATH}/${FIRST.id} 200`]);
		assert.deepEqual(JSON.parse(era.simulator.requests[0].body), {
			token_remote2: 'r2',
			url: 'https://new.example.com',
		});
		assert.equal(result.items[0].json.url, 'https://new.example.com');
		assert.notEqual((result.items[0].json.ext as { lwt: string }).lwt, FIRST.ext.lwt);
	});

	test('Update of some opts sends the whole opts object, read first, so no option is lost', async () => {
		const result = await era.point('update', {
			pointId: byId(FIRST.id),
			updateFields: { code: 'RENAMED' },
			opts: { comment: 'moved', issync: true },
		});

		assert.equal(result.error, undefined);
		assert.deepEqual(era.calls(), [
			`GET ${POINTS_PATH}/${FIRST.id} 200`,
			`PATCH ${POINTS_PATH}/${FIRST.id} 200`,
		]);
		assert.deepEqual(JSON.parse(era.simulator.requests[1].body), {
			code: 'RENAMED',
			opts: { title: '', comment: 'moved', allow_files_api: false, issync: true },
		});
		assert.deepEqual(result.items[0].json.opts, { ...FIRST.opts, comment: 'moved', issync: true });
	});

	test('Update refuses id and token_local with a clear error before any request', async () => {
		for (const otherFields of ['{"token_local": "x"}', '{"id": "y", "code": "Z"}']) {
			const result = await era.point('update', {
				pointId: byId(FIRST.id),
				updateFields: { otherFields },
			});
			assert.match(String(result.error?.message), /^ERA does not allow changing (token_local|id)/);
			assert.match(String(result.error?.description), /create a new integration point/);
		}
		assert.deepEqual(era.calls(), []);
	});

	test('Update with nothing to change fails before any request', async () => {
		const result = await era.point('update', { pointId: byId(FIRST.id), updateFields: {} });

		assert.equal(result.error?.message, 'Nothing to update');
		assert.deepEqual(era.calls(), []);
	});

	test('Update fails an item whose Other Fields (JSON) is not an object, before any request', async () => {
		const result = await era.point('update', {
			pointId: byId(FIRST.id),
			updateFields: { otherFields: '["url"]' },
		});

		assert.equal(
			result.error?.message,
			'"Other Fields (JSON)" in item 0 must be a JSON object, not a list',
		);
		assert.deepEqual(era.calls(), []);
	});

	test('Roles (JSON) may be a list or an object; anything else fails only its item', async () => {
		const result = await era.point(
			'create',
			{ code: '={{ $json.code }}', type: 'public', opts: { roles: '={{ $json.roles }}' } },
			[
				{ code: 'R-LIST', roles: '["operator"]' },
				{ code: 'R-BAD', roles: '{operator' },
				{ code: 'R-TEXT', roles: '"operator"' },
				{ code: 'R-OBJECT', roles: '{"operator": true}' },
			],
			{ continueOnFail: true },
		);

		const outcomes = result.items.map((item) => String(item.json.error ?? item.json.code));
		assert.equal(outcomes[0], 'R-LIST');
		assert.match(outcomes[1], /^"Roles \(JSON\)" in item 1 is not valid JSON: /);
		assert.equal(outcomes[2], '"Roles (JSON)" in item 2 must be a JSON list or object, not string');
		assert.equal(outcomes[3], 'R-OBJECT');
		assert.deepEqual(
			era.simulator.requests.map((request) => (JSON.parse(request.body) as IDataObject).opts),
			[{ roles: ['operator'] }, { roles: { operator: true } }],
		);
	});

	test('Delete answers {deleted: true} per item, and the point is gone', async () => {
		const result = await era.point(
			'delete',
			{ pointId: '={{ { __rl: true, mode: "id", value: $json.id } }}' },
			[{ id: FIRST.id }, { id: SECOND.id }],
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json, item.pairedItem]),
			[
				[{ deleted: true }, { item: 0 }],
				[{ deleted: true }, { item: 1 }],
			],
		);
		assert.deepEqual(era.simulator.points.list('sandbox.era'), []);
	});
});
