import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ONE_C_READ_CONCURRENCY } from '../../nodes/OneCConnect/transport';
import { useOneC } from './one-c-fixture';

const ROMASHKA = 'xa29b1a9-26ef-11e8-80e6-x025904f970x';
/** Enough latency that items sent side by side are seen side by side. */
const LATENCY = { latencyMs: 20, ratio: 1 };
/** Room for every call of a test within the simulated hourly limits. */
const HOURLY_LIMITS = { ClientAdd: 1000, ClientRead: 1000, ClientITSStatus: 1000 };

describe('1C-Connect: throughput', () => {
	const oneC = useOneC({ hourlyLimits: HOURLY_LIMITS });
	const pairing = (count: number) => Array.from({ length: count }, (_, item) => ({ item }));

	test('100 items asking the ITS status of the same client send one request, and each item gets its own copy', async () => {
		const result = await oneC.run(
			'client',
			'getItsStatus',
			{ clientID: ROMASHKA },
			Array.from({ length: 100 }, () => ({})),
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(oneC.operations(), ['ClientITSStatus']);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			pairing(100),
		);
		assert.ok(result.items.every((item) => item.json.ITSStatus === 'ACTIVE'));
		assert.notEqual(result.items[0].json, result.items[1].json);
	});

	test('100 items reading different clients send 100 requests, never more than the read limit at once, in input order', async () => {
		const names = Array.from({ length: 100 }, (_, index) => ({ name: `Client ${index}` }));
		const created = await oneC.run('client', 'create', { name: '={{ $json.name }}' }, names);
		assert.equal(created.error, undefined);
		const ids = created.items.map((item) => ({ id: item.json.ClientID }));
		oneC.simulator.clearRequests();
		oneC.simulator.injectFault(LATENCY);

		const result = await oneC.run(
			'client',
			'getMany',
			{ returnAll: true, filters: { clientID: '={{ $json.id }}' } },
			ids,
		);

		assert.equal(result.error, undefined);
		assert.equal(oneC.operations().length, 100);
		assert.ok(oneC.simulator.maxConcurrentRequests <= ONE_C_READ_CONCURRENCY);
		assert.ok(oneC.simulator.maxConcurrentRequests > 1);
		assert.deepEqual(
			result.items.map((item) => [item.json.Name, item.pairedItem]),
			names.map(({ name }, item) => [name, { item }]),
		);
	});

	test('per-item writes run one at a time without Continue On Fail', async () => {
		oneC.simulator.injectFault(LATENCY);

		const result = await oneC.run(
			'client',
			'setClientManager',
			{ clientID: ROMASHKA, specialistID: '={{ $json.specialist }}' },
			[{ specialist: 'spec-ivanov' }, { specialist: 'spec-petrov' }, { specialist: 'spec-ivanov' }],
		);

		assert.equal(result.error, undefined);
		assert.equal(oneC.simulator.maxConcurrentRequests, 1);
		assert.deepEqual(oneC.operations(), Array(3).fill('ClientSetClientManager'));
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			pairing(3),
		);
	});
});
