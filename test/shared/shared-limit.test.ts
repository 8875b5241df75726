import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { LeakyBucket as LeakyBucketType } from '../../nodes/Bitrix24/transport/leaky-bucket';
import { LeakyBucket } from '../../nodes/Bitrix24/transport/leaky-bucket';
import { SlidingWindowLimiter, limiterKey } from '../../nodes/shared/http/rate-limiter';
import type { SharedStore } from '../../nodes/shared/state/shared-store';
import { openSharedStore } from '../../nodes/shared/state/shared-store';
import { ServerLeakyBucket } from '../../sandbox/bitrix24/leaky-bucket';
import type { AtiSimulator } from '../../sandbox/ati';
import { ATI_DEMO_TOKEN, createAtiSimulator } from '../../sandbox/ati';
import type { PrivateRedis } from '../../runtime/private-redis';
import { ensureRedisServer, startPrivateRedis } from '../../runtime/private-redis';
import { queueSettingsFor } from '../support/queue-mode';

const missing = ensureRedisServer();

/** Two n8n processes in queue mode: each opens its own connection to the same Redis. */
function queueProcesses(redis: PrivateRedis, count: number): SharedStore[] {
	const settings = queueSettingsFor(redis);
	return Array.from({ length: count }, () => openSharedStore(settings));
}

async function inParallel(count: number, run: () => Promise<void>) {
	await Promise.all(Array.from({ length: count }, run));
}

describe(
	'Vendor limits shared by every n8n process (queue mode, real Redis)',
	{ skip: missing },
	() => {
		let redis: PrivateRedis;
		let ati: AtiSimulator;
		let atiUrl: string;
		const stores: SharedStore[] = [];

		before(async () => {
			redis = await startPrivateRedis();
			ati = createAtiSimulator();
			atiUrl = await ati.start();
		});

		after(async () => {
			for (const store of stores) store.redis.disconnect();
			await ati.stop();
			await redis.stop();
		});

		/** What one process sends: `requests` GETs, 10 side by side as the ATI node does, each through its limiter. */
		async function atiProcess(limiter: SlidingWindowLimiter, requests: number) {
			const key = limiterKey(atiUrl, ATI_DEMO_TOKEN);
			let left = requests;
			await inParallel(10, async () => {
				while (left-- > 0) {
					const done = await limiter.acquire(key);
					try {
						const reply = await fetch(`${atiUrl}/v1.0/balance`, {
							headers: { Authorization: `Bearer ${ATI_DEMO_TOKEN}` },
						});
						await reply.arrayBuffer();
					} finally {
						done();
					}
				}
			});
		}

		const refusedByAti = () => ati.requests.filter((request) => request.status === 429).length;

		test('ATI: two processes at full speed on one token get no 429, counted at the simulator', async () => {
			ati.reset();
			const [one, two] = queueProcesses(redis, 2);
			stores.push(one, two);
			await Promise.all([
				atiProcess(new SlidingWindowLimiter(10, 1_000, () => one, 'ati'), 40),
				atiProcess(new SlidingWindowLimiter(10, 1_000, () => two, 'ati'), 40),
			]);
			assert.equal(ati.requests.length, 80);
			assert.equal(refusedByAti(), 0);
		});

		test('ATI: the same two processes each counting alone are refused (what the shared count prevents)', async () => {
			ati.reset();
			await Promise.all([
				atiProcess(new SlidingWindowLimiter(10, 1_000, () => undefined, 'ati'), 20),
				atiProcess(new SlidingWindowLimiter(10, 1_000, () => undefined, 'ati'), 20),
			]);
			assert.ok(refusedByAti() > 0, 'two separate counts overrun ATI');
		});

		test('a refusal met by one process holds back the other for the wait it asked for', async () => {
			const [one, two] = queueProcesses(redis, 2);
			stores.push(one, two);
			const first = new SlidingWindowLimiter(10, 1_000, () => one, 'ati');
			const second = new SlidingWindowLimiter(10, 1_000, () => two, 'ati');
			const key = limiterKey('refusal', ATI_DEMO_TOKEN);
			const pausedAt = Date.now();
			await first.slowDown(key, 800);
			const done = await second.acquire(key);
			done();
			assert.ok(Date.now() - pausedAt >= 700, 'the second process waited out the pause');
		});

		test('Bitrix24: two processes share one leaky bucket and the portal refuses nothing', async () => {
			// A fast bucket keeps the test short: 20 a second, a burst of 50, as the server counts it.
			const portal = new ServerLeakyBucket({ perSecond: 20, burst: 50 });
			const [one, two] = queueProcesses(redis, 2);
			stores.push(one, two);
			const send = async (bucket: LeakyBucketType, requests: number) => {
				let left = requests;
				await inParallel(5, async () => {
					while (left-- > 0) {
						await bucket.acquire('portal');
						portal.tryAcquire();
					}
				});
			};
			await Promise.all([
				send(new LeakyBucket(20, 50, () => one), 60),
				send(new LeakyBucket(20, 50, () => two), 60),
			]);
			assert.equal(portal.refused, 0);

			const alone = new ServerLeakyBucket({ perSecond: 20, burst: 50 });
			const sendAlone = async (bucket: LeakyBucketType) => {
				await inParallel(5, async () => {
					for (let i = 0; i < 10; i++) {
						await bucket.acquire('portal');
						alone.tryAcquire();
					}
				});
			};
			await Promise.all([
				sendAlone(new LeakyBucket(20, 50, () => undefined)),
				sendAlone(new LeakyBucket(20, 50, () => undefined)),
			]);
			assert.ok(alone.refused > 0, 'two separate buckets overrun the portal');
		});
	},
);
