import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeExecutionData } from 'n8n-workflow';

import { ensureRedisServer } from '../../runtime/private-redis';
import { useQueueModeRedis } from '../support/queue-mode';
import { useOktell } from './oktell-fixture';

const missing = ensureRedisServer();

const summary = (items: INodeExecutionData[]) =>
	items.map((item) => [item.json.event, item.json.queueNumber, item.json.callerid]);

describe(
	'Oktell Trigger in queue mode: a call seen but not reported survives a restart of main',
	{ skip: missing },
	() => {
		const oktell = useOktell();
		useQueueModeRedis();

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
