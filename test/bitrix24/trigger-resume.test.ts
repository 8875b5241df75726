import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { TriggerContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import type { Bitrix24Fixture } from './bitrix24-fixture';
import { useBitrix24 } from './bitrix24-fixture';
import { startTrigger } from '../harness/trigger-runner';
import { waitUntil } from '../support/wait-until';

const triggerNode = (b24: Bitrix24Fixture) => ({
	type: 'bitrix24Trigger',
	parameters: { options: { connection: 'longPolling' } },
	credentials: { bitrix24OAuth2Api: b24.oauthId },
});

async function publish(b24: Bitrix24Fixture, commands: string[]) {
	const result = await b24.realtime(
		'publishEvent',
		{ command: '={{ $json.command }}', moduleId: 'my_app' },
		'oAuth2',
		commands.map((command) => ({ command })),
	);
	assert.equal(result.error, undefined);
}

/**
 * The trigger as an active workflow in n8n, whose static data n8n saves to its database with
 * every emit (trigger-execution-context.factory.js in n8n 2.41: `emit` calls saveStaticData) and
 * loads again when it activates the workflow after a restart.
 */
async function activate(b24: Bitrix24Fixture, database: { staticData: IDataObject }) {
	const { workflow, node, additionalData } = b24.harness.triggerSetup(triggerNode(b24), 'trigger');
	workflow.staticData = structuredClone(database.staticData);
	const items: INodeExecutionData[] = [];
	const context = new TriggerContext(
		workflow,
		node,
		additionalData,
		'trigger',
		'activate',
		(data) => {
			database.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			items.push(...(data[0] ?? []));
		},
		() => {},
	);
	const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const response = await type.trigger!.call(context);
	return { items, close: async () => await response?.closeFunction?.() };
}

describe('Bitrix24 Trigger resumes after n8n restarts', () => {
	const b24 = useBitrix24();

	for (const version of [4, 5] as const) {
		test(`server version ${version}: events published while n8n was down arrive after the restart, once`, async () => {
			b24.simulator.configurePull({ version, holdMs: 3_000 });
			const database = { staticData: {} as IDataObject };

			const first = await activate(b24, database);
			await waitUntil(() => b24.simulator.pull.connections > 0, 'the first poll');
			await publish(b24, ['before']);
			await waitUntil(() => first.items.length === 1, 'the first event');
			await first.close();
			await waitUntil(() => b24.simulator.pull.connections === 0, 'n8n to stop');

			await publish(b24, ['while-down-1', 'while-down-2']);
			const second = await activate(b24, database);
			try {
				await waitUntil(() => second.items.length === 2, 'the missed events');
				await publish(b24, ['after']);
				await waitUntil(() => second.items.length === 3, 'a new event');
				await new Promise((resolve) => setTimeout(resolve, 200));
				assert.deepEqual(
					second.items.map((item) => item.json.command),
					['while-down-1', 'while-down-2', 'after'],
				);
				const saved = Object.values(database.staticData)[0] as { pullCursor?: { mid?: string } };
				assert.equal(saved.pullCursor?.mid, second.items[2].json.mid);
			} finally {
				await second.close();
			}
		});
	}

	test('a manual test run neither resumes from nor moves the active workflow\u2019s place', async () => {
		b24.simulator.configurePull({ holdMs: 3_000 });
		await publish(b24, ['old']);
		const trigger = await startTrigger(b24.harness, triggerNode(b24), 'manual');
		try {
			const run = trigger.response.manualTriggerFunction?.();
			await waitUntil(() => b24.simulator.pull.connections > 0, 'the poll');
			await publish(b24, ['new']);
			await run;
			assert.deepEqual(
				trigger.items.map((item) => item.json.command),
				['new'],
			);
		} finally {
			await trigger.close();
		}
	});
});

describe('Bitrix24 Trigger on the cloud push server and over version 5 long polling', () => {
	const b24 = useBitrix24();

	test('shared mode with a jwt: connects with clientId and token, and acknowledges by POST', async () => {
		b24.simulator.configurePull({ version: 5, holdMs: 3_000, mode: 'shared', useJwt: true });
		const trigger = await startTrigger(b24.harness, triggerNode(b24));
		try {
			await waitUntil(() => b24.simulator.pull.connections > 0, 'the first poll');
			await publish(b24, ['a', 'b']);
			await trigger.waitForItems(2);
			const poll = b24.simulator.requests.find((request) => request.path === '/sub/');
			const query = new URLSearchParams(poll?.query);
			assert.equal(query.get('clientId'), b24.simulator.pull.clientId);
			assert.match(query.get('token') ?? '', /^jwt\./);
			assert.equal(query.has('CHANNEL_ID'), false);
			const mids = trigger.items.map((item) => String(item.json.mid));
			await waitUntil(
				() => mids.every((mid) => b24.simulator.pull.acks.includes(mid)),
				'mack:<mid> for each message',
			);
		} finally {
			await trigger.close();
		}
	});
});
