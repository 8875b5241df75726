import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ERA_CONCURRENCY } from '../../nodes/Era/transport';
import { ERA_DEMO_CREDENTIALS, ERA_DEMO_POINTS } from '../../sandbox/era';
import { LOGIN_PATH, POINTS_PATH, byId, useEra } from './era-fixture';

const [FIRST] = ERA_DEMO_POINTS;
const getById = '={{ { __rl: true, mode: "id", value: $json.id } }}';
/** Enough latency that items sent side by side are seen side by side. */
const LATENCY = { latencyMs: 20, ratio: 1 };

describe('ERA: throughput', () => {
	const era = useEra();
	const sameItems = (count: number) => Array.from({ length: count }, () => ({}));
	const pairing = (count: number) => Array.from({ length: count }, (_, item) => ({ item }));
	/** `count` points of the demo domain: the demo ones and seeded ones. */
	const pointIds = (count: number) => {
		era.simulator.seedPoints(Math.max(0, count - ERA_DEMO_POINTS.length));
		return era.simulator.points
			.list(ERA_DEMO_CREDENTIALS.domain)
			.slice(0, count)
			.map((point) => String(point.id));
	};

	test('100 items getting the same point send one request, and each item gets its own copy', async () => {
		const result = await era.point('get', { pointId: byId(FIRST.id) }, sameItems(100));

		assert.equal(result.error, undefined);
		assert.deepEqual(era.calls(), [`GET ${POINTS_PATH}/${FIRST.id} 200`]);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			pairing(100),
		);
		assert.ok(result.items.every((item) => item.json.code === FIRST.code));
		assert.notEqual(result.items[0].json, result.items[1].json);
	});

	test('100 items getting different points send 100 requests, never more than the ERA limit at once, in input order', async () => {
		const ids = pointIds(100);
		era.simulator.clearRequests();
		era.simulator.injectFault(LATENCY);

		const result = await era.point(
			'get',
			{ pointId: getById },
			ids.map((id) => ({ id })),
		);

		assert.equal(result.error, undefined);
		assert.equal(era.simulator.requests.length, 100);
		assert.ok(era.simulator.maxConcurrentRequests <= ERA_CONCURRENCY);
		assert.ok(era.simulator.maxConcurrentRequests > 1);
		assert.deepEqual(
			result.items.map((item) => [item.json.id, item.pairedItem]),
			ids.map((id, item) => [id, { item }]),
		);
	});

	test('reads side by side on a credential without a session log in once', async () => {
		const ids = pointIds(20);
		const fresh = era.addCredential();
		era.simulator.clearRequests();

		const result = await era.point(
			'get',
			{ pointId: getById },
			ids.map((id) => ({ id })),
			{ credentialId: fresh },
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(era.calls()[0], `POST ${LOGIN_PATH} 200`, 'the first item runs alone');
		assert.equal(era.calls().filter((call) => call.startsWith('POST')).length, 1);
		assert.equal(era.simulator.requests.length, 21);
	});

	test('Lookup, Check and Get Many asked the same by many items are each sent once', async () => {
		const lookup = await era.point('lookup', { key: FIRST.code }, sameItems(30));
		const check = await era.run(
			{ resource: 'integrationToken', operation: 'check', token: FIRST.token_local },
			sameItems(30),
		);
		const getMany = await era.point('getMany', { returnAll: true }, sameItems(30));

		for (const result of [lookup, check, getMany]) assert.equal(result.error, undefined);
		assert.deepEqual(
			era.calls().map((call) => call.replace(/\?.*? /, ' ')),
			[
				`LOOKUP ${POINTS_PATH} 200`,
				`GET /rest/v1/service/integration_tokens/${FIRST.token_local} 200`,
				`GET ${POINTS_PATH} 200`,
				`GET ${POINTS_PATH} 200`,
			],
		);
		assert.equal(lookup.items.length, 30);
		assert.equal(check.items.length, 30);
		assert.equal(getMany.items.length, 30 * ERA_DEMO_POINTS.length);
		assert.deepEqual(
			getMany.items.map((item) => item.pairedItem),
			Array.from({ length: 30 }, (_, item) => ERA_DEMO_POINTS.map(() => ({ item }))).flat(),
		);
	});

	test('Create, Update and Delete run one item at a time without Continue On Fail', async () => {
		era.simulator.injectFault(LATENCY);
		const codes = Array.from({ length: 6 }, (_, index) => ({ code: `TP${index}` }));

		const created = await era.point('create', { code: '={{ $json.code }}', type: 'public' }, codes);
		assert.equal(created.error, undefined);
		assert.equal(era.simulator.maxConcurrentRequests, 1);
		assert.deepEqual(
			created.items.map((item) => [item.json.code, item.pairedItem]),
			codes.map(({ code }, item) => [code, { item }]),
		);
		const ids = created.items.map((item) => ({ id: item.json.id }));

		era.simulator.clearRequests();
		const updated = await era.point(
			'update',
			{ pointId: getById, updateFields: { url: 'https://new.example.com' } },
			ids,
		);
		assert.equal(updated.error, undefined);
		assert.equal(era.simulator.maxConcurrentRequests, 1);

		era.simulator.clearRequests();
		const deleted = await era.point('delete', { pointId: getById }, ids);
		assert.equal(deleted.error, undefined);
		assert.equal(era.simulator.maxConcurrentRequests, 1);
		assert.equal(era.simulator.requests.length, ids.length);
	});
});
