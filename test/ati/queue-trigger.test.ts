import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { Redis } from 'ioredis';

import { ensureRedisServer } from '../../runtime/private-redis';
import { useQueueModeRedis } from '../support/queue-mode';
import { useAti } from './ati-fixture';

const missing = ensureRedisServer();
const WATCHED = '123456.0, 123456.1';

describe(
	'ATI.SU Trigger in queue mode: a change seen but not reported survives a restart of main',
	{ skip: missing },
	() => {
		const ati = useAti();
		const redisOf = useQueueModeRedis();

		beforeEach(async () => {
			ati.simulator.setStates({ '123456.0': 'online', '123456.1': 'offline' });
			// Every test starts with no copy in Redis (the harness gives each the same workflow id).
			const client = new Redis({ host: redisOf().host, port: redisOf().port });
			await client.flushdb();
			client.disconnect();
		});

		const changes = (items: Array<{ json: Record<string, unknown> }>) =>
			items.map((item) => [item.json.code_id, item.json.previous_state, item.json.state]);

		/** n8n without durable cursors: its database holds the record as of the last execution. */
		async function offlineWhileWatchingOnline() {
			const trigger = ati.trigger({ contactIds: WATCHED, event: 'wentOnline' });
			const running = ati.harness.createPoller(trigger);
			await running.poll();
			const saved = running.staticData;
			ati.simulator.setStates({ '123456.0': 'offline' });
			assert.deepEqual((await running.poll()).items, [], 'going offline is not reported');
			ati.simulator.setStates({ '123456.0': 'online' });
			return { trigger, saved };
		}

		test('Went Online after an unreported offline: reported after main restarts from the database copy', async () => {
			const { trigger, saved } = await offlineWhileWatchingOnline();
			const restarted = ati.harness.createPoller(trigger, saved);
			assert.deepEqual(changes((await restarted.poll()).items), [
				['123456.0', 'offline', 'online'],
			]);
			assert.deepEqual((await restarted.poll()).items, []);
		});

		test("with n8n's durable cursors the activation poll's record is dropped; the copy in Redis keeps the baseline", async () => {
			const trigger = ati.harness.createPoller(ati.trigger({ contactIds: WATCHED }));
			await trigger.poll();
			// n8n 2.41 runs the activation poll as a test poll and commits none of its cursor.
			ati.simulator.setStates({ '123456.1': 'online' });
			const firstScheduled = ati.harness.createPoller(ati.trigger({ contactIds: WATCHED }), {});
			assert.deepEqual(changes((await firstScheduled.poll()).items), [
				['123456.1', 'offline', 'online'],
			]);
		});

		test('without the copy in Redis the same restart loses it (what the copy is for)', async () => {
			const { trigger, saved } = await offlineWhileWatchingOnline();
			const client = new Redis({ host: redisOf().host, port: redisOf().port });
			await client.flushdb();
			client.disconnect();
			const restarted = ati.harness.createPoller(trigger, saved);
			assert.deepEqual((await restarted.poll()).items, []);
		});
	},
);
