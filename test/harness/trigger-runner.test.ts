import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type {
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';

import { N8nHarness } from './n8n-harness';
import { testNodeDescription } from './test-node-description';
import { startTrigger } from './trigger-runner';

/** Emits `count` items, one every 10 ms, then an error; counts how often it was closed. */
class TickTrigger implements INodeType {
	closed = 0;
	description: INodeTypeDescription = {
		...testNodeDescription('tickTrigger', undefined, [
			{ displayName: 'Count', name: 'count', type: 'number' as const, default: 3 },
		]),
		group: ['trigger'],
		inputs: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const count = this.getNodeParameter('count') as number;
		let sent = 0;
		const timer = setInterval(() => {
			if (sent < count) this.emit([[{ json: { tick: ++sent, mode: this.getMode() } }]]);
			else this.emitError(new Error('no more ticks'));
		}, 10);
		return {
			closeFunction: async () => {
				clearInterval(timer);
				ticker.closed++;
			},
		};
	}
}

const ticker = new TickTrigger();

describe('Harness: trigger runner', () => {
	test("runs trigger() with n8n's TriggerContext, collecting emitted items and errors", async () => {
		const harness = new N8nHarness({ nodes: [ticker] });
		const running = await startTrigger(harness, { type: 'tickTrigger', parameters: { count: 2 } });

		const items = await running.waitForItems(2);
		const error = await running.waitForError();
		await running.close();

		assert.deepEqual(
			items.map((item) => item.json),
			[
				{ tick: 1, mode: 'trigger' },
				{ tick: 2, mode: 'trigger' },
			],
		);
		assert.equal(running.emits, 2);
		assert.equal(error.message, 'no more ticks');
		assert.equal(ticker.closed, 1);
	});

	test('waiting for more items than arrive times out with a clear message', async () => {
		const harness = new N8nHarness({ nodes: [ticker] });
		const running = await startTrigger(harness, { type: 'tickTrigger', parameters: { count: 1 } });

		await assert.rejects(
			running.waitForItems(5, 100),
			/Timed out waiting for 5 items; got 1 items/,
		);
		await running.close();
	});
});
