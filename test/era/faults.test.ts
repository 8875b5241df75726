import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ERA_CONCURRENCY } from '../../nodes/Era/transport';
import { ERA_DEMO_POINTS } from '../../sandbox/era';
import { POINTS_PATH, byId, useEra } from './era-fixture';

const [FIRST, SECOND] = ERA_DEMO_POINTS;
const getById = '={{ { __rl: true, mode: "id", value: $json.id } }}';

describe('ERA faults and Continue On Fail', () => {
	const era = useEra();

	test('503 with Retry-After is waited for and retried, then the run succeeds', async () => {
		era.simulator.injectFault({ status: 503, retryAfter: '1', match: { method: 'GET' } });

		const started = Date.now();
		const result = await era.point('get', { pointId: byId(FIRST.id) });

		assert.equal(result.error, undefined);
		assert.ok(Date.now() - started >= 990);
		assert.deepEqual(
			era.simulator.requests.map((request) => request.status),
			[503, 200],
		);
	});

	test('an ERA error shows both error_code and error_message', async () => {
		era.simulator.injectFault({
			status: 500,
			body: { error_code: 1409, error_message: 'Operation failed: storage busy' },
		});

		const result = await era.point('get', { pointId: byId(FIRST.id) });

		assert.equal(
			result.error?.message,
			'ERA answered with error 1409 (operation_failed): Operation failed: storage busy',
		);
		assert.match(String(result.error?.description), /ERA server's side/);
	});

	test('a reply that is not JSON is a clear error quoting its start', async () => {
		era.simulator.injectFault({ malformedBody: '<html>Bad gateway page</html>' });

		const result = await era.point('get', { pointId: byId(FIRST.id) });

		assert.equal(
			result.error?.message,
			'ERA sent a reply that is not valid JSON: "<html>Bad gateway page</html>"',
		);
	});

	test('with Continue On Fail a failed item becomes an error item in its place; the others succeed', async () => {
		const result = await era.point(
			'get',
			{ pointId: getById },
			[{ id: FIRST.id }, { id: 'missing' }, { id: SECOND.id }],
			{ continueOnFail: true },
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => [item.json.code ?? item.json.error, item.pairedItem]),
			[
				['ABCDE', { item: 0 }],
				['ERA answered with error 1404 (not_found): Not found', { item: 1 }],
				['902', { item: 2 }],
			],
		);
	});

	test('without Continue On Fail the run stops at the failed item and names it: no later item starts once it failed', async () => {
		const later = ERA_DEMO_POINTS.slice(1);
		// The items read beside the failed one are still in flight when it fails.
		era.simulator.injectFault(
			later.map((point) => ({
				latencyMs: 1_500,
				ratio: 1,
				match: { method: 'GET', path: `${POINTS_PATH}/${point.id}` },
			})),
		);

		const result = await era.point('get', { pointId: getById }, [
			{ id: FIRST.id },
			{ id: 'missing' },
			...later.map((point) => ({ id: point.id })),
		]);

		assert.equal(result.error?.context.itemIndex, 1);
		const paths = era.simulator.requests.map((request) => request.path);
		assert.deepEqual(
			paths.slice(0, 1),
			[`${POINTS_PATH}/${FIRST.id}`],
			'the first item runs alone',
		);
		assert.ok(paths.includes(`${POINTS_PATH}/missing`));
		assert.ok(
			paths.length <= 2 + (ERA_CONCURRENCY - 1),
			`at most ${ERA_CONCURRENCY - 1} later items were in flight; ${paths.length} requests were sent`,
		);
	});

	test('a dropped connection is retried for a read (GET, LOOKUP)', async () => {
		era.simulator.injectFault([
			{ reset: true, match: { method: 'GET' } },
			{ reset: true, match: { method: 'LOOKUP' } },
		]);

		const get = await era.point('get', { pointId: byId(FIRST.id) });
		const lookup = await era.point('lookup', { key: FIRST.code });

		assert.equal(get.error, undefined);
		assert.deepEqual(lookup.items[0].json, { ids: [FIRST.id] });
		assert.deepEqual(
			era.simulator.requests.map((request) => `${request.method} ${request.status}`),
			['GET 0', 'GET 200', 'LOOKUP 0', 'LOOKUP 200'],
		);
	});

	test('a dropped connection is not retried for Create, which could create the point twice', async () => {
		era.simulator.injectFault({ reset: true, match: { method: 'POST', path: POINTS_PATH } });

		const result = await era.point('create', { code: 'ONCE', type: 'public' });

		assert.match(String(result.error?.message), /^Could not reach ERA: The connection was closed/);
		assert.deepEqual(era.calls(), [`POST ${POINTS_PATH} 0`]);
	});
});
