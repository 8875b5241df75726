import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { RecordedStates } from '../../nodes/Ati/trigger/presence-changes';
import { diffPresence, sameStates } from '../../nodes/Ati/trigger/presence-changes';
import { useAti } from './ati-fixture';

const WATCHED = '123456.0, 123456.1';

describe('ATI.SU Trigger: its record in static data', () => {
	const ati = useAti();
	beforeEach(() => {
		ati.simulator.setStates({ '123456.0': 'online', '123456.1': 'offline' });
	});

	test("an unchanged poll does not touch n8n's static data object, so n8n has nothing to save", () => {
		const node = { name: 'ATI.SU Trigger' } as INode;
		const workflow = new Workflow({
			nodes: [],
			connections: {},
			active: true,
			nodeTypes: {} as INodeTypes,
			staticData: {},
		});
		const watched = ['123456.0', '123456.1'];
		const poll = (states: Record<string, string>) => {
			const watch = workflow.getStaticData('node', node) as { states?: RecordedStates };
			const current = new Map(Object.entries(states));
			const { next } = diffPresence(watched, watch.states ?? {}, current, 'anyChange', '');
			// As AtiTrigger.poll does.
			if (!sameStates(watch.states, next)) watch.states = next;
		};
		poll({ '123456.0': 'online', '123456.1': 'offline' });
		workflow.staticData.__dataChanged = false;

		poll({ '123456.0': 'online', '123456.1': 'offline' });
		assert.equal(workflow.staticData.__dataChanged, false);

		poll({ '123456.0': 'offline', '123456.1': 'offline' });
		assert.equal(workflow.staticData.__dataChanged, true);
	});

	test('two records are the same only with the same contacts in the same states', () => {
		assert.equal(sameStates({ a: 'online' }, { a: 'online' }), true);
		assert.equal(sameStates({ a: 'online' }, { a: 'offline' }), false);
		assert.equal(sameStates({ a: 'online', b: 'online' }, { a: 'online' }), false);
		assert.equal(sameStates(undefined, {}), false);
		assert.equal(sameStates({ constructor: 'x' } as RecordedStates, { toString: 'x' }), false);
	});

	test('Went Online after an offline that was not reported: found after a restart when n8n keeps every poll (durable cursors)', async () => {
		// The harness keeps the record of every poll that did not fail, as n8n's durable poll cursors
		// do; without them n8n saves static data only with an execution (see the README).
		const poller = ati.harness.createPoller(
			ati.trigger({ contactIds: WATCHED, event: 'wentOnline' }),
		);
		await poller.poll();
		ati.simulator.setStates({ '123456.0': 'offline' });
		assert.deepEqual((await poller.poll()).items, [], 'going offline is not reported');

		ati.simulator.setStates({ '123456.0': 'online' });
		const restarted = ati.harness.createPoller(
			ati.trigger({ contactIds: WATCHED, event: 'wentOnline' }),
			poller.staticData,
		);
		const online = await restarted.poll();
		assert.deepEqual(
			online.items.map((item) => [item.json.code_id, item.json.previous_state, item.json.state]),
			[['123456.0', 'offline', 'online']],
		);
	});
});
