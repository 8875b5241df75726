import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { LeakyBucket } from '../../nodes/Bitrix24/transport/leaky-bucket';
import { SlidingWindowLimiter } from '../../nodes/shared/http/rate-limiter';
import type { SharedStore } from '../../nodes/shared/state/shared-store';
import { openSharedStore } from '../../nodes/shared/state/shared-store';
import type { PrivateRedis } from '../../runtime/private-redis';
import { ensureRedisServer, startPrivateRedis } from '../../runtime/private-redis';
import { queueSettingsFor } from '../support/queue-mode';
import { waitUntil } from '../support/wait-until';

const missing = ensureRedisServer();
/** How long the stalled Redis answers nothing. */
const STALL_MS = 10_000;

/** One n8n process in queue mode, with every command it sends to Redis counted. */
function queueProcess(
	redis: PrivateRedis,
	timing?: { stalledPauseMs: number },
): { store: SharedStore; commands: () => number } {
	const store = openSharedStore(queueSettingsFor(redis), timing);
	let commands = 0;
	const client = store.redis as unknown as { sendCommand: (...args: unknown[]) => unknown };
	const send = client.sendCommand.bind(client);
	client.sendCommand = (...args: unknown[]) => {
		commands++;
		return send(...args);
	};
	return { store, commands: () => commands };
}

async function holdFor(limiter: SlidingWindowLimiter, key: string, ms: number): Promise<void> {
	const done = await limiter.acquire(key);
	await new Promise((resolve) => setTimeout(resolve, ms));
	done();
}

describe(
	'Shared limits when Redis is busy or gone (queue mode, real Redis)',
	{ skip: missing },
	() => {
		let redis: PrivateRedis;
		const stores: SharedStore[] = [];

		before(async () => {
			redis = await startPrivateRedis();
		});

		after(async () => {
			for (const store of stores) store.redis.disconnect();
			await redis.stop();
		});

		test('waiters in one process ask Redis one at a time, only for slots that may be free', async () => {
			const { store, commands } = queueProcess(redis);
			stores.push(store);
			const limiter = new SlidingWindowLimiter(10, 1_000, () => store, 'ati');
			await Promise.all(
				Array.from({ length: 30 }, async () => await holdFor(limiter, 'busy', 200)),
			);
			// About 7 a slot: its take, the pause checks and its release (one MULTI). When every
			// waiter tried every slot every 25 ms on its own, these 30 cost 2,117.
			assert.ok(commands() <= 30 * 10, `${commands()} Redis commands for 30 slots`);
			const slotKeys = await store.redis.keys('*ati:10:1000:busy:*');
			assert.ok(slotKeys.length > 0, 'the slots were counted in Redis');
		});

		test('with Redis gone, one wait for it, then every process decides alone at once; back to Redis when it returns', async () => {
			const { store } = queueProcess(redis);
			stores.push(store);
			const limiter = new SlidingWindowLimiter(100, 1_000, () => store, 'ati');
			await holdFor(limiter, 'outage', 0);
			assert.ok(store.reachable());

			await redis.stop();
			await waitUntil(() => !store.reachable(), 'the lost connection to be noticed', 20_000);
			const started = Date.now();
			for (let i = 0; i < 20; i++) await holdFor(limiter, 'outage', 0);
			// Each acquire waited out Redis's retries before (4 to 6 s each): 20 took over a minute.
			const tookMs = Date.now() - started;
			assert.ok(tookMs < 3_000, `20 slots without Redis took ${tookMs} ms`);

			redis = await startPrivateRedis(redis.port);
			await waitUntil(() => store.reachable(), 'ioredis to connect again', 20_000);
			await holdFor(limiter, 'back', 0);
			const slotKeys = await store.redis.keys('*ati:100:1000:back:*');
			assert.equal(slotKeys.length, 1, 'the slot was taken in Redis again');
		});

		test('a Redis that keeps the connection but answers nothing costs one command timeout, not one per request', async () => {
			// Redis is asked again (a PING) every 3 s here, 15 s in n8n, so that the stall outlasts it.
			const { store } = queueProcess(redis, { stalledPauseMs: 3_000 });
			const admin = queueProcess(redis).store;
			stores.push(store, admin);
			const limiter = new SlidingWindowLimiter(100, 1_000, () => store, 'ati');
			await holdFor(limiter, 'stalled', 0);
			const pausedAt = Date.now();
			await admin.redis.call('CLIENT', 'PAUSE', String(STALL_MS), 'ALL');
			const started = Date.now();
			await Promise.all(
				Array.from({ length: 10 }, async () => await holdFor(limiter, 'stalled', 0)),
			);
			// In line, each waiter waited out the 2 s command timeout in turn until Redis woke.
			const tookMs = Date.now() - started;
			assert.ok(tookMs < 6_000, `10 slots from a stalled Redis took ${tookMs} ms`);
			assert.equal(store.reachable(), false, 'Redis is left alone for a while');

			// Until Redis answers, no request waits for it again: before, the first one after each
			// pause waited out the 2 s command timeout.
			const slowest = { ms: 0, at: 0 };
			while (Date.now() < pausedAt + STALL_MS - 500) {
				const asked = Date.now();
				await holdFor(limiter, 'stalled', 0);
				const ms = Date.now() - asked;
				if (ms > slowest.ms) Object.assign(slowest, { ms, at: asked - pausedAt });
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			assert.ok(slowest.ms < 1_000, `a slot ${slowest.at} ms into the stall took ${slowest.ms} ms`);

			await waitUntil(() => store.reachable(), 'a PING to find Redis again', STALL_MS + 20_000);
			assert.ok(Date.now() >= pausedAt + STALL_MS, 'Redis was not found again while stalled');
			await holdFor(limiter, 'awake', 0);
			const slotKeys = await store.redis.keys('*ati:100:1000:awake:*');
			assert.equal(slotKeys.length, 1, 'the slot was taken in Redis again');
		});

		test('a Bitrix24 request waiting for the next shared window when Redis goes asks Redis nothing more', async () => {
			const { store, commands } = queueProcess(redis);
			stores.push(store);
			// A shared window of 2 requests a second: the third waits for the next one.
			const bucket = new LeakyBucket(5, 5, () => store);
			await bucket.acquire('portal');
			await bucket.acquire('portal');
			const third = bucket.acquire('portal');
			await new Promise((resolve) => setTimeout(resolve, 100));
			await redis.stop();
			const sentBefore = commands();
			await third;
			// Asking Redis after the wait would have waited out its retries for nothing.
			assert.equal(commands(), sentBefore, 'no command was sent to the stopped Redis');
		});
	},
);
