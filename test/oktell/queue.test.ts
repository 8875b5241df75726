import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useOktell } from './oktell-fixture';

describe('Oktell: Queue Get Many (gettotalqueueinfo)', () => {
	const oktell = useOktell();

	test('one item per queue keeps the vendor shape of the (corrected) example', async () => {
		const result = await oktell.run({ resource: 'queue', operation: 'getAll' });

		assert.equal(result.items.length, 1);
		const queue = result.items[0].json as {
			numprefix: string;
			queue: Array<Record<string, unknown>>;
		};
		assert.equal(queue.numprefix, '14');
		assert.equal(queue.queue[0].chainid, 'dd8466d8-7aa3-4df1-b1b7-b933a11da518');
		assert.equal(queue.queue[0].srcelementid, '173210d8-fcfc-49f7-b770-d3609445b188');
		assert.equal(typeof queue.queue[0].lenqueue, 'number');
	});

	test('one item per queued call, flattened with its queue number and rule, and Limit', async () => {
		oktell.simulator.world.queues.addCall('14', { callerid: '+74950000001' });
		oktell.simulator.world.queues.addCall('15', { callerid: '+74950000002' });

		const result = await oktell.run({
			resource: 'queue',
			operation: 'getAll',
			outputMode: 'calls',
		});
		assert.deepEqual(
			result.items.map((item) => [item.json.queueNumber, item.json.ruleName, item.json.callerid]),
			[
				['14', 'Петр', '21'],
				['14', 'Петр', '+74950000001'],
				['15', '', '+74950000002'],
			],
		);
		const limited = await oktell.run({
			resource: 'queue',
			operation: 'getAll',
			outputMode: 'calls',
			returnAll: false,
			limit: 2,
		});
		assert.equal(limited.items.length, 2);
	});

	test('Return All: off by default from node version 2 (Limit applies), on in version 1 as saved', async () => {
		for (const callerid of ['+74950000001', '+74950000002']) {
			oktell.simulator.world.queues.addCall('14', { callerid });
		}
		const run = async (typeVersion: number) =>
			await oktell.harness.runNode({
				type: 'oktell',
				typeVersion,
				parameters: { resource: 'queue', operation: 'getAll', outputMode: 'calls', limit: 1 },
				credentials: { oktellApi: oktell.credentialId },
			});
		assert.equal((await run(1)).items.length, 3);
		assert.equal((await run(2)).items.length, 1);
	});

	test('several input items share one gettotalqueueinfo request, each gets its own output', async () => {
		const result = await oktell.run(
			{ resource: 'queue', operation: 'getAll', outputMode: '={{ $json.mode }}' },
			[{ mode: 'queues' }, { mode: 'calls' }, { mode: 'queues' }],
		);
		assert.deepEqual(
			result.items.map((item) => [item.pairedItem, 'queue' in item.json ? 'queue' : 'call']),
			[
				[{ item: 0 }, 'queue'],
				[{ item: 1 }, 'call'],
				[{ item: 2 }, 'queue'],
			],
		);
		assert.deepEqual(oktell.sent(), ['/gettotalqueueinfo']);
	});

	test('when that one request fails, every item gets the error in its own place', async () => {
		oktell.simulator.injectFault({ status: 500, body: 'down', times: 5 });
		const result = await oktell.run({ resource: 'queue', operation: 'getAll' }, [{}, {}], true);
		assert.deepEqual(
			result.items.map((item) => [item.json.error, item.pairedItem]),
			[
				['Oktell answered "gettotalqueueinfo" with an error (500): "down"', { item: 0 }],
				['Oktell answered "gettotalqueueinfo" with an error (500): "down"', { item: 1 }],
			],
		);
		assert.equal(oktell.simulator.requests.length, 1);
	});

	test('a reply that is not JSON is a clear error quoting its start', async () => {
		oktell.simulator.injectFault({ malformedBody: '[{"numid": "5d29" "numprefix": "14"}]' });
		const result = await oktell.run({ resource: 'queue', operation: 'getAll' });
		assert.equal(
			result.error?.message,
			'Oktell sent a reply that is not valid JSON: "[{"numid": "5d29" "numprefix": "14"}]"',
		);
	});
});
