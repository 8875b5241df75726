import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { RateLimiterMemory } from 'rate-limiter-flexible';

import type * as DailyQuotaModule from '../../nodes/Ati/transport/daily-quota';
import { DailyQuota, moscowDay } from '../../nodes/Ati/transport/daily-quota';
import { limiterKey } from '../../nodes/shared/http/rate-limiter';
import type { SharedStore } from '../../nodes/shared/state/shared-store';
import { ATI_DEMO_TOKEN } from '../../sandbox/ati';
import { loadPackModule } from '../harness/package-loader';
import { useAti } from './ati-fixture';

/** The count the nodes use: from the source, or from the bundle with `npm test` (`--built`). */
const { loadCreateQuota } = loadPackModule<typeof DailyQuotaModule>(
	'dist/nodes/Ati/transport/daily-quota.js',
);

/** A load a user publishes: Moscow → Kazan, 20 t. */
const LOAD_FORM = {
	resource: 'load',
	operation: 'create',
	loadingCity: { __rl: true, mode: 'id', value: '1' },
	loadingDate: '2026-12-10T00:00:00',
	unloadingCity: { __rl: true, mode: 'id', value: '3' },
	cargoType: { __rl: true, mode: 'id', value: '2' },
	weight: 20,
	bodyTypes: [1],
	price: 90000,
	currencyId: 1,
	rateType: 'withVat',
	contactIds: '1',
};

/** n8n's Redis as two processes see it: one counter per prefix, shared by both. */
function sharedMemoryStore(): SharedStore {
	const counters = new Map<string, RateLimiterMemory>();
	return {
		redis: undefined as never,
		prefix: 'test',
		reachable: () => true,
		rateLimiter: (options) => {
			const prefix = String(options.keyPrefix);
			if (!counters.has(prefix)) counters.set(prefix, new RateLimiterMemory(options));
			return counters.get(prefix) as never;
		},
	};
}

describe('ATI.SU daily limits per contact', () => {
	test('a quota counts per Moscow day: spent at 20:59 UTC, free again at 21:00 UTC (00:00 in Moscow)', async () => {
		let now = Date.parse('2026-12-07T20:59:00Z');
		const quota = new DailyQuota(
			3,
			'test',
			() => undefined,
			() => now,
		);
		assert.deepEqual(await Promise.all([1, 2, 3, 4].map(async () => await quota.take('token'))), [
			true,
			true,
			true,
			false,
		]);
		assert.equal(await quota.take('other token'), true);
		now = Date.parse('2026-12-07T21:00:00Z');
		assert.equal(moscowDay(now), '2026-12-08');
		assert.equal(await quota.take('token'), true);
	});

	test('in queue mode two processes share one count through the shared store', async () => {
		const store = sharedMemoryStore();
		const main = new DailyQuota(5, 'test', () => store);
		const worker = new DailyQuota(5, 'test', () => store);
		const taken = await Promise.all(
			Array.from(
				{ length: 8 },
				async (_, index) => await (index % 2 ? main : worker).take('token'),
			),
		);
		assert.equal(taken.filter(Boolean).length, 5);
	});

	test('a use ATI refused is given back, in one process and through the shared store', async () => {
		const alone = new DailyQuota(2, 'test-alone', () => undefined);
		const store = sharedMemoryStore();
		const shared = new DailyQuota(2, 'test-shared', () => store);
		for (const quota of [alone, shared]) {
			assert.equal(await quota.take('token'), true);
			// The second request was sent and refused: its use comes back.
			assert.equal(await quota.take('token'), true);
			await quota.giveBack('token');
			assert.equal(await quota.take('token'), true);
			assert.equal(await quota.take('token'), false);
		}
	});

	describe('through the node', () => {
		const ati = useAti();

		// First: the node's own count of the day is still empty here.
		test('when ATI itself says the day is spent (other systems on the contact), the error names the daily limit', async () => {
			for (let index = 0; index < 500; index++) ati.simulator.loads.countWrite('create');
			const result = await ati.run(LOAD_FORM);
			assert.match(String(result.error?.message), /too many requests/);
			assert.match(String(result.error?.description), /500 new loads a day per contact/);
			assert.equal(ati.simulator.loads.list().length, 0);
		});

		test('after 500 new loads today the next Create is refused before it is sent, saying why', async () => {
			const key = limiterKey(ati.baseUrl.replace(/\/+$/, ''), ATI_DEMO_TOKEN);
			// The test before counted one load it tried to publish: the day’s 500 are spent after this.
			for (let index = 0; index < 500; index++) await loadCreateQuota.take(key);
			assert.equal(await loadCreateQuota.take(key), false);
			const result = await ati.run(LOAD_FORM);
			assert.match(String(result.error?.message), /500 new loads a day per contact/);
			assert.match(String(result.error?.description), /00:00 Moscow time; nothing was sent/);
			const posts = ati.simulator.requests.filter((request) => request.path === '/v2/cargos');
			assert.equal(posts.length, 0);
		});
	});
});
