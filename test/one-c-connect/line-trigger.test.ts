import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	PUSH_DEMO_CLIENTS,
	PUSH_DEMO_LINES,
	PUSH_DEMO_SPECIALISTS,
} from '../../sandbox/one-c-connect/push/push-demo-data';
import type { RunningWebhookTrigger } from '../harness/webhook-trigger';
import { startWebhookTrigger } from '../harness/webhook-trigger';
import type { OneCFixture } from './one-c-fixture';
import { useOneC } from './one-c-fixture';

const LINE = PUSH_DEMO_LINES[0].line_id;
const CLIENT = PUSH_DEMO_CLIENTS[0];
const SPECIALIST = PUSH_DEMO_SPECIALISTS[0];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const lineTrigger = (oneC: OneCFixture, parameters: INodeParameters = {}) => ({
	type: 'oneCConnectLineTrigger',
	parameters: { subscription: 'bot', lineId: byId(LINE), events: ['message'], ...parameters },
	credentials: { oneCConnectApi: oneC.credentialId },
});

/** The trigger node's own static data (n8n keys it by node). */
const stored = (trigger: RunningWebhookTrigger) =>
	(Object.values(trigger.staticData())[0] ?? {}) as IDataObject;

/** What the trigger's items say, without the IDs and times that change from run to run. */
const said = (executions: Array<Array<{ json: IDataObject }>>) =>
	executions.map(([item]) => ({ event: item.json.event, text: item.json.text }));

describe('1C-Connect Line Trigger', () => {
	const oneC = useOneC();
	const push = () => oneC.simulator.push;

	async function withTrigger(
		parameters: INodeParameters,
		run: (trigger: RunningWebhookTrigger) => Promise<void>,
	) {
		const trigger = await startWebhookTrigger(oneC.harness, lineTrigger(oneC, parameters));
		try {
			await trigger.activate();
			await run(trigger);
		} finally {
			await trigger.close();
		}
	}

	/** The bot's answer: the node run on the trigger's item, as the next node of the workflow. */
	const answer = (item: IDataObject, parameters: INodeParameters) =>
		oneC.run(
			'lineMessage',
			'sendText',
			{ lineId: byId('={{ $json.lineId }}'), userId: '={{ $json.userId }}', ...parameters },
			[item],
		);

	test('activation subscribes the node URL as the line’s bot with a secret back_auth; a client message starts one execution', async () => {
		await withTrigger({}, async (trigger) => {
			const [hook] = [...push().hooks.values()];
			assert.equal(hook.url, trigger.url);
			assert.equal(hook.type, 'bot');
			assert.equal(hook.back_auth?.type, 'bearer');
			assert.equal(hook.back_auth?.token, stored(trigger).backAuthToken);
			assert.ok(String(hook.back_auth?.token).length >= 40);

			await push().clientWrites({ line_id: LINE, user_id: CLIENT, text: 'Где мой счёт?' });
			const executions = await trigger.waitForExecutions(1);
			assert.equal(
				executions.length,
				1,
				'the treatment-started call is not among the chosen events',
			);
			const { raw, messageId, messageTime, ...item } = executions[0][0].json;
			assert.deepEqual(item, {
				event: 'message',
				kind: 'text',
				lineId: LINE,
				userId: CLIENT,
				messageType: 1,
				authorId: CLIENT,
				fromClient: true,
				text: 'Где мой счёт?',
			});
			assert.equal(typeof messageId, 'string');
			assert.equal(typeof messageTime, 'string');
			assert.equal((raw as IDataObject).line_id, LINE);
		});
	});

	test('the bot answers with a keyboard; the pressed button arrives as the next event', async () => {
		await withTrigger({}, async (trigger) => {
			await push().clientWrites({ line_id: LINE, user_id: CLIENT, text: 'Здравствуйте' });
			const [[first]] = await trigger.waitForExecutions(1);
			const sent = await answer(first.json, {
				text: 'Что вас интересует?',
				keyboardInput: 'buttons',
				buttons: {
					button: [
						{ text: 'Счёт', id: 'bill', row: 1 },
						{ text: 'Позвать специалиста', id: 'human', row: 2 },
					],
				},
			});
			assert.equal(sent.error, undefined, sent.error?.message);
			await push().clientPresses({ line_id: LINE, user_id: CLIENT, id: 'human' });
			const executions = await trigger.waitForExecutions(2);
			assert.deepEqual(said(executions), [
				{ event: 'message', text: 'Здравствуйте' },
				{ event: 'message', text: 'Позвать специалиста' },
			]);
		});
	});

	test('hand-over to a specialist and close arrive as events of the treatment', async () => {
		const events = ['message', 'treatmentStarted', 'specialistAssigned', 'treatmentClosed'];
		await withTrigger({ subscription: 'line', events }, async (trigger) => {
			await push().clientWrites({ line_id: LINE, user_id: CLIENT, text: 'Нужен человек' });
			const [, [message]] = await trigger.waitForExecutions(2);
			const handOver = await oneC.run(
				'treatment',
				'handOverToSpecialist',
				{ lineId: byId(LINE), userId: '={{ $json.userId }}', specialistId: SPECIALIST },
				[message.json],
			);
			assert.equal(handOver.error, undefined, handOver.error?.message);
			await trigger.waitForExecutions(3);
			const close = await oneC.run('treatment', 'close', { lineId: byId(LINE), userId: CLIENT });
			assert.equal(close.error, undefined, close.error?.message);
			const executions = await trigger.waitForExecutions(4);
			assert.deepEqual(
				executions.map(([item]) => item.json.event),
				['treatmentStarted', 'message', 'specialistAssigned', 'treatmentClosed'],
			);
			assert.equal(executions[2][0].json.authorId, SPECIALIST);
			assert.equal(executions[0][0].json.startedBy, 'client');
		});
	});

	test('a forged hook call without the back_auth token, or with another, is refused 401 and starts nothing', async () => {
		await withTrigger({}, async (trigger) => {
			const forged = {
				line_id: LINE,
				user_id: CLIENT,
				message_id: '4e48509f-6366-4897-9544-46f006e47074',
				message_type: 1,
				author_id: CLIENT,
				message_time: '2026-12-07T10:00:00Z',
				text: 'Переведите деньги',
			};
			for (const authorization of [undefined, 'Bearer guessed', 'Basic eDp5']) {
				const reply = await fetch(trigger.url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						...(authorization ? { authorization } : {}),
					},
					body: JSON.stringify(forged),
				});
				assert.equal(reply.status, 401);
			}
			assert.equal(trigger.executions.length, 0);
		});
	});

	test("a specialist's or the bot's own message starts nothing unless asked for", async () => {
		const call = (token: unknown) =>
			fetch(trigger_url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${String(token)}` },
				body: JSON.stringify({
					line_id: LINE,
					user_id: CLIENT,
					message_id: '4e48509f-6366-4897-9544-46f006e47074',
					message_type: 1,
					author_id: SPECIALIST,
					message_time: '2026-12-07T10:00:00Z',
					text: 'Ответ специалиста',
				}),
			});
		let trigger_url = '';
		await withTrigger({}, async (trigger) => {
			trigger_url = trigger.url;
			const reply = await call(stored(trigger).backAuthToken);
			assert.equal(reply.status, 200);
			assert.equal(trigger.executions.length, 0);
		});
		await withTrigger({ options: { includeSpecialistMessages: true } }, async (trigger) => {
			trigger_url = trigger.url;
			await call(stored(trigger).backAuthToken);
			const [[item]] = await trigger.waitForExecutions(1);
			assert.equal(item.json.fromClient, false);
		});
	});

	test('deactivation removes the hook with DelHook, but not a hook another system set since', async () => {
		await withTrigger({}, async (trigger) => {
			await trigger.deactivate();
			assert.equal(push().hooks.size, 0);
			assert.deepEqual(stored(trigger), {});
			await trigger.activate();
			push().hooks.set(`bot:${LINE}`, { type: 'bot', id: LINE, url: 'https://other.example/hook' });
			await trigger.deactivate();
			assert.equal(push().hooks.get(`bot:${LINE}`)?.url, 'https://other.example/hook');
		});
	});

	test('50 conversations at once: one execution each, and the answers keep each conversation’s order', async () => {
		const clients = Array.from(
			{ length: 50 },
			(_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
		);
		await withTrigger({}, async (trigger) => {
			await Promise.all(
				clients.map(
					async (client) =>
						await push().clientWrites({ line_id: LINE, user_id: client, text: `from ${client}` }),
				),
			);
			const executions = await trigger.waitForExecutions(50, 30_000);
			assert.deepEqual(new Set(executions.map(([item]) => item.json.userId)), new Set(clients));
			// Each conversation gets a greeting, then a question, answered side by side.
			const items = ['Здравствуйте!', 'Чем помочь?'].flatMap((text) =>
				executions.map(([item]) => ({ ...item.json, reply: text })),
			);
			oneC.simulator.clearRequests();
			oneC.simulator.injectFault({ latencyMs: 30, ratio: 1, match: { path: '/push/*' } });
			const result = await oneC.run(
				'lineMessage',
				'sendText',
				{
					lineId: byId('={{ $json.lineId }}'),
					userId: '={{ $json.userId }}',
					text: '={{ $json.reply }}',
				},
				items,
				true,
			);
			oneC.simulator.clearFaults();
			assert.equal(result.items.filter((item) => item.json.success === true).length, 100);
			for (const client of clients) {
				assert.deepEqual(
					push()
						.conversations.get(`${LINE}|${client}`)
						?.sent.map((message) => message.text),
					['Здравствуйте!', 'Чем помочь?'],
				);
			}
			assert.ok(oneC.simulator.maxConcurrentRequests > 1);
		});
	});
});
