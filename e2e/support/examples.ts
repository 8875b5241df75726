import assert from 'node:assert/strict';

import {
	PUSH_DEMO_CLIENTS,
	PUSH_DEMO_LINES,
} from '../../sandbox/one-c-connect/push/push-demo-data';
import type { N8nClient } from './n8n-client';
import { waitFor } from '../../test/support/wait-until';
import { outputOf } from './run-data';
import { runExample } from './run-workflow';
import type { WorkSnapshot } from '../../sandbox/bitrix24/work/work-snapshot';
import { bitrix24Commands, control, requestsSeen } from './sandbox-control';

type Items = Array<Record<string, unknown>>;

/** The deal the offline trigger's drive created, for its check. */
let offlineDeal = '';

/** Runs the "Create One Deal" example (Bitrix24 node, webhook credential): the new deal's ID. */
async function createOneDeal(client: N8nClient): Promise<string> {
	const { run } = await runExample(client, 'exB24OneDeal0001');
	if (run.resultData.error)
		throw new Error(`Creating the deal failed: ${run.resultData.error.message}`);
	const [created] = outputOf(run, 'Create Deal');
	return String(created.result);
}

/** Orders the ATI.SU example's drive has made: each drive makes a new one. */
let atiOrders = 0;
const atiOrderId = () => `a7e2c0d4-0031-4e1a-9d6e-${String(atiOrders).padStart(12, '0')}`;

/** The sandbox's support line (it allows a bot) and a client of it. */
const SUPPORT_LINE = PUSH_DEMO_LINES[0].line_id;
const SUPPORT_CLIENT = PUSH_DEMO_CLIENTS[0];

export interface ManualExample {
	workflowId: string;
	/** The node whose output the check reads. */
	outputNode: string;
	check(items: Items): void;
}

export interface TriggerExample {
	workflowId: string;
	simulator: string;
	outputNode: string;
	/** Resolves once the trigger has taken its baseline, so that a change now is news to it. */
	armed(): Promise<boolean>;
	/** Makes the simulator produce the event the workflow waits for. */
	drive(client: N8nClient): Promise<void>;
	check(items: Items): void;
	/** Checks after the run: what the workflow wrote, or time for a repeat of the event to show. */
	confirm?(): Promise<void>;
	/**
	 * Its event also starts another example's trigger: left out of the queue run, which fires every
	 * trigger side by side and counts each one's runs.
	 */
	sharesEvent?: true;
}

export interface WebhookExample {
	workflowId: string;
	/**
	 * The bodies a caller posts to the active workflow's Webhook, in order; each may use the
	 * answers to the calls before it.
	 */
	calls: Array<(answers: Items) => unknown>;
	/** Checks the answers and what the workflow wrote to the sandbox. */
	check(answers: Items): Promise<void>;
}

/** Every example workflow in examples/, with what running it against the sandbox must give. */
export const manualExamples: ManualExample[] = [
	{
		workflowId: 'exAtiOnline00001',
		outputNode: 'Online Only',
		check(items) {
			assert.deepEqual(
				items.map((item) => [item.code_id, item.state]),
				[
					['123456.0', 'online'],
					['234567.0', 'online'],
				],
			);
		},
	},
	{
		workflowId: 'exAtiB24Load0001',
		outputNode: 'Publish the Load',
		check(items) {
			assert.equal(items.length, 1);
			assert.equal(items[0].published, true, JSON.stringify(items[0]));
			assert.equal(items[0].external_id, 'b24-deal-1');
			assert.match(String(items[0].cargo_application_id), /^[0-9a-f-]{36}$/);
		},
	},
	{
		workflowId: 'exEraRegister001',
		outputNode: 'Look It Up By Code',
		check(items) {
			assert.equal(items.length, 1);
			const ids = items[0].ids as string[];
			assert.equal(ids.length, 1, 'the new point is found by its code');
			assert.match(ids[0], /\S/);
		},
	},
	{
		workflowId: 'exOneCClients001',
		outputNode: 'Create Clients',
		check(items) {
			assert.equal(items.length, 2);
			assert.deepEqual(
				items.map((item) => item.Name),
				['ООО «Вектор»', 'ИП Кузнецова & Co'],
			);
			for (const item of items) assert.match(String(item.ClientID), /\S/);
		},
	},
	{
		workflowId: 'exB24Deals000001',
		outputNode: 'Create Deals',
		check(items) {
			assert.equal(items.length, 3);
			for (const item of items) assert.match(String(item.result), /^\d+$/, JSON.stringify(item));
		},
	},
	{
		workflowId: 'exB24Publish0001',
		outputNode: 'Publish Order Paid',
		check(items) {
			assert.equal(items.length, 1);
			assert.equal(items[0].error, undefined, JSON.stringify(items[0]));
		},
	},
	{
		workflowId: 'exB24OneDeal0001',
		outputNode: 'Create Deal',
		check(items) {
			assert.equal(items.length, 1);
			assert.match(String(items[0].result), /^\d+$/, JSON.stringify(items[0]));
		},
	},
	// Beyond the CRM card (issue 29, part B).
	{
		workflowId: 'exB24WonChat0001',
		outputNode: 'Tell the Sales Chat',
		check(items) {
			assert.equal(items.length, 3, JSON.stringify(items));
			for (const item of items) {
				assert.equal(item.dialogId, 'chat7');
				assert.equal(typeof item.messageId, 'number', JSON.stringify(item));
			}
		},
	},
	{
		workflowId: 'exOktellReady001',
		outputNode: 'Ready Operators on 120',
		check(items) {
			assert.equal(items.length, 1);
			assert.equal(String(items[0].number), '120');
			assert.equal(items[0].ready, 2);
			assert.equal(items[0].busy, 3);
			assert.equal((items[0].readyUsers as unknown[]).length, 2);
		},
	},
];

export const triggerExamples: TriggerExample[] = [
	{
		workflowId: 'exAtiCarrierOrd1',
		simulator: 'ATI',
		outputNode: 'Message For Manager',
		async armed() {
			const { hooks } = await control<{ hooks: Array<{ topic: string; status: string }> }>(
				'ATI',
				'GET',
				'/ati/webhooks',
			);
			return hooks.some((hook) => hook.topic === 'orders' && hook.status === 'active');
		},
		async drive() {
			atiOrders++;
			await control('ATI', 'POST', '/ati/orders', {
				id: atiOrderId(),
				load_id: 'a7e2c0d4-0031-4e1a-9d6e-00000000e2e2',
				load_number: 'АВТ-310031',
				taker_ati_id: '234567',
			});
		},
		check(items) {
			assert.deepEqual(items, [
				{
					message: `Carrier 234567 took load АВТ-310031 on ATI.SU: order ${atiOrderId()}`,
					loadId: 'a7e2c0d4-0031-4e1a-9d6e-00000000e2e2',
				},
			]);
		},
		async confirm() {
			// ATI repeats a delivery it got no answer to: the repeat must not run the workflow again.
			await control('ATI', 'POST', '/ati/webhooks/redeliver');
		},
	},
	{
		workflowId: 'exAtiCameOnline1',
		simulator: 'ATI',
		outputNode: 'Message For Dispatch',
		async armed() {
			const seen = await requestsSeen('ATI');
			return seen.some((request) => request.path.startsWith('/presence/state'));
		},
		async drive() {
			await control('ATI', 'POST', '/ati/contacts', { '123456.1': 'online' });
		},
		check(items) {
			assert.deepEqual(items, [
				{ message: 'Contact 123456.1 is online on ATI.SU: call now', contact: '123456.1' },
			]);
		},
	},
	{
		workflowId: 'exOneCChanged001',
		simulator: 'ONE_C',
		outputNode: 'Client Summary',
		async armed() {
			const seen = await requestsSeen('ONE_C');
			return seen.some((request) =>
				String(request.headers?.soapaction ?? '').includes('ClientRead'),
			);
		},
		async drive() {
			await control('ONE_C', 'POST', '/one-c-connect/objects/Client', {
				Name: 'ООО «Северный ветер»',
				INN: '7709876543',
			});
		},
		check(items) {
			const summaries = items.map((item) => item.summary);
			assert.ok(
				summaries.includes('Client ООО «Северный ветер» (INN 7709876543) changed in 1C-Connect'),
				JSON.stringify(summaries),
			);
		},
	},
	{
		workflowId: 'exOneCLineBot001',
		simulator: 'ONE_C',
		outputNode: 'Answer With Buttons',
		async armed() {
			const hooks = await control<Array<{ type: string; id?: string }>>(
				'ONE_C',
				'GET',
				'/one-c-connect/push/hooks',
			);
			return hooks.some((hook) => hook.type === 'bot' && hook.id === SUPPORT_LINE);
		},
		async drive() {
			await control('ONE_C', 'POST', '/one-c-connect/push/client-message', {
				line_id: SUPPORT_LINE,
				user_id: SUPPORT_CLIENT,
				text: 'Здравствуйте, нужен счёт',
			});
		},
		check(items) {
			assert.equal(items.length, 1, JSON.stringify(items));
		},
		async confirm() {
			const conversation = await control<{
				sent: Array<{ text: string; keyboard?: Array<Array<{ text: string }>> }>;
			}>(
				'ONE_C',
				'GET',
				`/one-c-connect/push/conversation?line_id=${SUPPORT_LINE}&user_id=${SUPPORT_CLIENT}`,
			);
			const answer = conversation.sent.at(-1);
			assert.equal(answer?.text, 'Выберите, что вас интересует:', JSON.stringify(conversation));
			assert.deepEqual(
				answer?.keyboard?.map((row) => row.map((button) => button.text)),
				[['Счёт на оплату', 'Акт сверки'], ['Позвать специалиста']],
			);
		},
	},
	{
		workflowId: 'exB24OnEvent0001',
		simulator: 'BITRIX24',
		outputNode: 'Paid Order Summary',
		async armed() {
			const state = await control<{ pull: { connections: number } }>(
				'BITRIX24',
				'GET',
				'/bitrix24/state',
			);
			return state.pull.connections > 0;
		},
		async drive(client) {
			const { run } = await runExample(client, 'exB24Publish0001');
			if (run.resultData.error)
				throw new Error(`Publishing failed: ${run.resultData.error.message}`);
		},
		check(items) {
			assert.deepEqual(items, [{ summary: 'Order 1042 paid: 15800 RUB' }]);
		},
	},
	{
		workflowId: 'exB24Offline0001',
		simulator: 'BITRIX24',
		outputNode: 'Queued Deal Summary',
		// exB24DealEvent01 hears ONCRMDEALADD too.
		sharesEvent: true,
		async armed() {
			return (await requestsSeen('BITRIX24')).some((request) =>
				request.path.includes('event.offline.get'),
			);
		},
		async drive(client) {
			offlineDeal = await createOneDeal(client);
		},
		check(items) {
			assert.deepEqual(
				items.map((item) => item.summary),
				[`New deal ${offlineDeal}: Order A-2001, 9900 RUB`],
			);
		},
		async confirm() {
			// The next poll clears what this one emitted and reserves anew: a repeat would start a
			// second execution then.
			await control('BITRIX24', 'DELETE', '/requests');
			await waitFor(
				'the next poll of the offline queue',
				async () => ((await this.armed()) ? true : undefined),
				150_000,
			);
			await new Promise((resolve) => setTimeout(resolve, 5_000));
		},
	},
	{
		workflowId: 'exB24DealEvent01',
		simulator: 'BITRIX24',
		outputNode: 'New Deal Summary',
		async armed() {
			const { handlers } = await control<{ handlers: Array<{ event: string; source: string }> }>(
				'BITRIX24',
				'GET',
				'/bitrix24/events',
			);
			return handlers.some((bound) => bound.source === 'app' && bound.event === 'ONCRMDEALADD');
		},
		async drive(client) {
			await createOneDeal(client);
		},
		check(items) {
			assert.equal(items.length, 1);
			assert.match(
				String(items[0].summary),
				/^New deal \d+: Order A-2001, 9900 RUB$/,
				JSON.stringify(items),
			);
		},
	},
	{
		workflowId: 'exOktellWaiting1',
		simulator: 'OKTELL',
		outputNode: 'Alert For Supervisor',
		async armed() {
			const seen = await requestsSeen('OKTELL');
			return seen.some((request) => JSON.stringify(request).includes('gettotalqueueinfo'));
		},
		async drive() {
			await control('OKTELL', 'POST', '/oktell/queues/14/calls', {
				callerid: '+79161234567',
				waitedSeconds: 75,
			});
		},
		check(items) {
			assert.deepEqual(items, [{ alert: 'Caller +79161234567 has waited over 60 s in queue 14' }]);
		},
	},
];

/** The Oktell call the telephony example's drive plays; a new one per drive. */
let oktellCallId = '';

/** Examples started by a Webhook: the e2e run activates them and plays their caller. */
export const webhookExamples: WebhookExample[] = [
	{
		workflowId: 'exB24OktellCall1',
		// What the Oktell service script posts on call start, then on call end with the Call ID
		// the start was answered.
		calls: [
			() => {
				oktellCallId = `e2e-${Date.now()}`;
				return {
					event: 'start',
					phone: '+7 912 000-11-22',
					bitrixUserId: 27,
					oktellCallId,
				};
			},
			([started]) => ({
				event: 'end',
				callId: started.CALL_ID,
				bitrixUserId: 27,
				duration: 95,
				recordId: 'ABC',
			}),
		],
		async check([started, attached]) {
			const callId = String(started.CALL_ID);
			assert.match(callId, /^externalCall\./, JSON.stringify(started));
			const work = await control<WorkSnapshot>('BITRIX24', 'GET', '/bitrix24/work');
			const calls = work.calls.filter((call) => call.externalId === oktellCallId);
			assert.equal(calls.length, 1, JSON.stringify(calls));
			const [call] = calls;
			assert.equal(call.CALL_ID, callId);
			assert.equal(call.finished?.CALL_DURATION, 95);
			const record = await control<{ size: number; sha256: string }>(
				'OKTELL',
				'GET',
				'/oktell/records/ABC',
			);
			assert.deepEqual(call.record?.content, { size: record.size, sha256: record.sha256 });
			assert.equal(call.record?.name, 'rec-2024-001.wav');
			assert.equal(attached.fileId, call.record?.fileId, JSON.stringify(attached));
			// Registered once, finished once, the record attached once.
			const commands = await bitrix24Commands();
			const count = (method: string, matches: (params: Record<string, unknown>) => boolean) =>
				commands.filter((command) => command.method === method && matches(command.params)).length;
			assert.equal(
				count(
					'telephony.externalcall.register',
					(params) => params.EXTERNAL_CALL_ID === oktellCallId,
				),
				1,
			);
			assert.equal(
				count('telephony.externalcall.finish', (params) => params.CALL_ID === callId),
				1,
			);
			assert.equal(
				count('telephony.externalcall.attachrecord', (params) => params.CALL_ID === callId),
				1,
			);
		},
	},
];
