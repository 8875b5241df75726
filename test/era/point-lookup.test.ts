import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ERA_DEMO_POINTS } from '../../sandbox/era';
import { POINTS_PATH, useEra } from './era-fixture';

const [FIRST] = ERA_DEMO_POINTS;

describe('ERA integration point: Lookup (the LOOKUP verb)', () => {
	const era = useEra();
	const lookup = (key: string, onNotFound = 'error', continueOnFail = false) =>
		era.point('lookup', { key, onNotFound }, [{}], { continueOnFail });

	test("n8n's HTTP client sends method LOOKUP with the key as a JSON string body", async () => {
		const result = await lookup(FIRST.code);

		assert.equal(result.error, undefined);
		const [sent] = era.simulator.requests;
		assert.equal(sent.method, 'LOOKUP');
		assert.equal(sent.path, POINTS_PATH);
		assert.equal(sent.body, '"ABCDE"');
		assert.equal(sent.headers['content-type'], 'application/json; charset=utf-8');
		assert.match(sent.headers.authorization, /^Bearer [0-9a-f]{32}$/);
	});

	test('finds the ids by id, code or local token', async () => {
		for (const key of [FIRST.id, FIRST.code, FIRST.token_local]) {
			const result = await lookup(key);
			assert.deepEqual(result.items[0].json, { ids: [FIRST.id] }, key);
			assert.deepEqual(result.items[0].pairedItem, { item: 0 });
		}
	});

	test('not found fails with a clear error by default', async () => {
		const result = await lookup('missing-code');

		assert.equal(
			result.error?.message,
			'ERA found no integration point with the ID, code or local token "missing-code"',
		);
		assert.match(String(result.error?.description), /Return Empty Result/);
	});

	test('not found gives {ids: []} when "When Not Found" is Return Empty Result', async () => {
		const result = await lookup('missing-code', 'empty');

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, { ids: [] });
	});

	test('a 404 that is not ERA\'s "not found" is an error even with Return Empty Result', async () => {
		era.simulator.injectFault({
			status: 404,
			body: 'nginx: no such location',
			match: { method: 'LOOKUP' },
		});

		const result = await lookup(FIRST.code, 'empty');

		assert.match(
			String(result.error?.message),
			/^ERA answered with HTTP 404: "nginx: no such location"/,
		);
	});

	test('each input item is looked up on its own, with its own result', async () => {
		const result = await era.point('lookup', { key: '={{ $json.key }}', onNotFound: 'empty' }, [
			{ key: FIRST.code },
			{ key: 'nope' },
			{ key: FIRST.token_local },
		]);

		assert.deepEqual(
			result.items.map((item) => [item.json.ids, item.pairedItem]),
			[
				[[FIRST.id], { item: 0 }],
				[[], { item: 1 }],
				[[FIRST.id], { item: 2 }],
			],
		);
		assert.equal(era.simulator.requests.filter((request) => request.method === 'LOOKUP').length, 3);
	});

	test('an empty key fails the item before any request', async () => {
		const result = await lookup('  ');

		assert.equal(result.error?.message, 'The search key is empty');
		assert.deepEqual(era.calls(), []);
	});
});

describe('ERA integration token: Check', () => {
	const era = useEra();
	const check = (token: string, onNotFound = 'error') =>
		era.run({ resource: 'integrationToken', operation: 'check', token, onNotFound });

	test('a known token gives its domain and integration point', async () => {
		const result = await check(FIRST.token_local);

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, {
			found: true,
			domain: 'sandbox.era',
			integration_point: {
				id: FIRST.id,
				_links: { self: { href: `${POINTS_PATH}/${FIRST.id}` } },
			},
		});
		assert.deepEqual(era.calls(), [
			`GET /rest/v1/service/integration_tokens/${FIRST.token_local} 200`,
		]);
	});

	test('an unknown token fails clearly, or gives {found: false}, by the option', async () => {
		const failed = await check('unknown-token');
		assert.equal(failed.error?.message, 'ERA does not know this integration token');

		const empty = await check('unknown-token', 'empty');
		assert.deepEqual(empty.items[0].json, { found: false });
	});
});
