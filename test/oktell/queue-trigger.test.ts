import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { INodeExecutionData } from 'n8n-workflow';

import type { PrivateRedis } from '../../runtime/private-redis';
import { ensureRedisServer, startPrivateRedis } from '../../runtime/private-redis';
import { useOktell } from './oktell-fixture';

const missing = ensureRedisServer();

const summary = (items: INodeExecutionData[]) =>
	items.map((item) => [item.json.event, item.json.queueNumber, item.json.callerid]);

describe(
	'Oktell Trigger in queue mode: a call seen but not reported survives a restart of main',
	{ skip: missing },
	() => {
		const oktell = useOktell();
		let redis: PrivateRedis;

		before(async () => {
			redis = await startPrivateRedis();
			// This test process plays n8n's main in queue mode (its first use of Redis reads these).
			process.env.EXECUTIONS_MODE = 'queue';
			process.env.QUEUE_BULL_REDIS_HOST = redis.host;
			process.env.QUEUE_BULL_REDIS_PORT = String(redis.port);
		});

		after(async () => {
			await redis.stop();
		});

		test('Call Left Queue for a caller who entered unreported: reported after main restarts from the database copy', async () => {
			const trigger = oktell.trigger({ event: 'callLeft' });
			const running = oktell.harness.createPoller(trigger);
			await running.poll();
			// n8n without durable cursors: its database holds the record as of the last execution.
			const saved = running.staticData;
			const added = oktell.simulator.world.queues.addCall('14', { callerid: 'A' });
			assert.deepEqual((await running.poll()).items, [], 'entering is not reported');

			oktell.simulator.world.queues.removeCall(String(added.chainid));
			const restarted = oktell.harness.createPoller(trigger, saved);
			assert.deepEqual(summary((await restarted.poll()).items), [['callLeft', '14', 'A']]);
		});
	},
);
