import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';

import type { WorkSnapshot } from '../sandbox/bitrix24/work/work-snapshot';
import { outputOf } from './support/run-data';
import { runWorkflow } from './support/run-workflow';
import { control } from './support/sandbox-control';
import { startedN8n } from './support/suite';

const { client } = startedN8n();

type Item = Record<string, unknown>;

/** A marker in every text the run writes, so that the checks find this run's rows. */
const mark = `e2e-${Date.now()}`;
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const onDeal = { ownerType: 'deal', ownerId: byId(1) };
const onTask = { taskId: byId(1) };

interface Step {
	name: string;
	/** The Bitrix24 resource (or another node of the pack, by its type). */
	resource?: string;
	type?: string;
	parameters: Record<string, unknown>;
	check(output: Item, work: WorkSnapshot): void;
}

const find = <T extends object>(rows: T[], what: string, test: (row: T) => boolean): T => {
	const found = rows.filter(test);
	assert.equal(found.length, 1, `${what}: ${JSON.stringify(found)}`);
	return found[0];
};

// One operation of each Bitrix24 resource beyond the CRM card, in one chain of nodes: one
// workflow and one run. Every resource and operation is rendered in the editor by
// editor-views.e2e.ts (all node types as the running n8n loaded them).
const steps: Step[] = [
	{
		name: 'Create Quote',
		resource: 'quote',
		parameters: {
			operation: 'create',
			fields: {
				mappingMode: 'defineBelow',
				value: { title: `КП ${mark}`, opportunity: 52000 },
				matchingColumns: [],
				schema: [],
			},
		},
		check: (output) => assert.match(String(output.id), /^\d+$/, JSON.stringify(output)),
	},
	{
		name: 'Add Product Row',
		resource: 'productRow',
		parameters: {
			operation: 'add',
			ownerType: 'quote',
			ownerId: byId("={{ $('Create Quote').item.json.id }}"),
			productName: `Перевозка ${mark}`,
			price: 45000,
			quantity: 2,
		},
		check(output, work) {
			assert.equal(output.sum, 90000, JSON.stringify(output));
			const row = find(
				work.productRows,
				'the row',
				(row) => row.productName === output.productName,
			);
			assert.equal(row.ownerId, output.ownerId);
			assert.equal(row.quantity, 2);
		},
	},
	{
		name: 'Comment on the Deal',
		resource: 'timelineComment',
		parameters: { operation: 'create', ...onDeal, comment: `Звонок ${mark}` },
		check(output, work) {
			const comment = find(
				work.timelineComments,
				'the comment',
				(row) => row.COMMENT === `Звонок ${mark}`,
			);
			assert.equal(String(output.ID), comment.ID);
			assert.equal(comment.ENTITY_ID, '1');
		},
	},
	{
		name: 'To-Do on the Deal',
		resource: 'activity',
		parameters: {
			operation: 'createTodo',
			...onDeal,
			deadline: '2026-12-31T15:00:00',
			title: `Перезвонить ${mark}`,
		},
		check(output, work) {
			const todo = find(
				work.activities,
				'the to-do',
				(row) => row.SUBJECT === `Перезвонить ${mark}`,
			);
			assert.equal(String(output.id), todo.ID, JSON.stringify(output));
			assert.equal(todo.COMPLETED, 'N');
		},
	},
	{
		name: 'Start Business Process',
		resource: 'businessProcess',
		parameters: { operation: 'start', ...onDeal, templateId: byId(1) },
		check(output, work) {
			const started = find(
				work.businessProcesses,
				'the process',
				(row) => row.ID === output.workflowId,
			);
			assert.equal(started.DOCUMENT_ID, 'DEAL_1');
			assert.equal(started.TEMPLATE_ID, '1');
		},
	},
	{
		name: 'Create Chat',
		resource: 'chat',
		parameters: { operation: 'create', title: `Сделка ${mark}`, userIds: '15, 27' },
		check(output, work) {
			const chat = find(work.chats, 'the chat', (row) => row.title === `Сделка ${mark}`);
			assert.equal(output.chatId, chat.id);
			assert.deepEqual([...chat.users].sort(), [1, 15, 27]);
		},
	},
	{
		name: 'Send Message',
		resource: 'message',
		parameters: {
			operation: 'send',
			sendTo: 'chat',
			chatId: byId("={{ $('Create Chat').item.json.dialogId }}"),
			text: `Начинаем ${mark}`,
		},
		check(output, work) {
			const message = find(work.messages, 'the message', (row) => row.text === `Начинаем ${mark}`);
			assert.equal(output.messageId, message.id);
			assert.equal(message.dialogId, output.dialogId);
		},
	},
	{
		name: 'Comment on the Task',
		resource: 'taskComment',
		parameters: { operation: 'create', ...onTask, text: `Комментарий ${mark}` },
		check(output, work) {
			const comment = find(
				work.taskComments,
				'the comment',
				(row) => row.POST_MESSAGE === `Комментарий ${mark}`,
			);
			assert.equal(comment.TASK_ID, '1', JSON.stringify(output));
		},
	},
	{
		name: 'Add Checklist Item',
		resource: 'taskChecklistItem',
		parameters: { operation: 'create', ...onTask, title: `Пункт ${mark}` },
		check(output, work) {
			const item = find(work.checklist, 'the item', (row) => row.TITLE === `Пункт ${mark}`);
			assert.equal(String(output.itemId), item.ID, JSON.stringify(output));
		},
	},
	{
		name: 'Log Time Spent',
		resource: 'taskTimeSpent',
		parameters: { operation: 'create', ...onTask, minutes: 15, comment: `Созвон ${mark}` },
		check(output, work) {
			const spent = find(work.elapsed, 'the time', (row) => row.COMMENT_TEXT === `Созвон ${mark}`);
			assert.equal(spent.SECONDS, '900', JSON.stringify(output));
		},
	},
	{
		name: 'Download Oktell Record',
		type: 'n8n-nodes-ru-business.oktell',
		parameters: {
			resource: 'file',
			operation: 'download',
			source: 'record',
			fileId: 'ABC',
			binaryPropertyName: 'data',
		},
		check: () => undefined,
	},
	{
		name: 'Upload to Drive',
		resource: 'driveFile',
		parameters: { operation: 'upload', folderId: byId(22), binaryPropertyName: 'data' },
		check(output, work) {
			const file = find(work.drive, 'the file', (row) => row.ID === String(output.ID));
			assert.equal(file.PARENT_ID, '22');
			assert.match(file.NAME, /^rec-2024-001( \(\d+\))?\.wav$/);
			assert.deepEqual(file.content, oktellRecord);
		},
	},
	{
		name: 'Find CRM Records by Phone',
		resource: 'telephony',
		parameters: { operation: 'findCrmRecords', phoneNumber: '+7 495 100-00-01' },
		check(output) {
			assert.equal(output.found, 1, JSON.stringify(output));
			assert.equal((output.records as Item[])[0].NAME, 'ООО «Вектор»');
		},
	},
];

let oktellRecord: { size: number; sha256: string } | undefined;

const TRIGGER = 'Start';

function workflowNodes(): Array<Record<string, unknown>> {
	const nodes: Array<Record<string, unknown>> = [
		{
			id: randomUUID(),
			name: TRIGGER,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	steps.forEach((step, index) => {
		const oktell = step.type === 'n8n-nodes-ru-business.oktell';
		nodes.push({
			id: randomUUID(),
			name: step.name,
			type: step.type ?? 'n8n-nodes-ru-business.bitrix24',
			typeVersion: 1,
			position: [220 * (index + 1), 0],
			parameters: oktell
				? step.parameters
				: { authentication: 'webhook', resource: step.resource, ...step.parameters },
			credentials: oktell
				? { oktellApi: { id: 'sandboxOktellApi', name: 'Oktell Sandbox' } }
				: { bitrix24WebhookApi: { id: 'sandboxB24Hook01', name: 'Bitrix24 Sandbox (Webhook)' } },
		});
	});
	return nodes;
}

/** Each node feeds the next: one item goes down the chain. */
function chain(names: string[]) {
	return Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, index) => [
				name,
				{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
			]),
	);
}

describe('Bitrix24 beyond the CRM card in a real n8n: one operation of each resource', () => {
	before(async () => await client.login());

	test(
		'one workflow runs them all against the sandbox; outputs and portal agree',
		{ timeout: 300_000 },
		async () => {
			oktellRecord = await control<{ size: number; sha256: string }>(
				'OKTELL',
				'GET',
				'/oktell/records/ABC',
			).then(({ size, sha256 }) => ({ size, sha256 }));
			const created = await client.request<{ id: string }>('POST', '/workflows', {
				name: `Bitrix24 beyond the CRM card ${mark}`,
				nodes: workflowNodes(),
				connections: chain([TRIGGER, ...steps.map((step) => step.name)]),
				settings: { executionOrder: 'v1' },
				active: false,
			});

			const started = Date.now();
			const { status, run } = await runWorkflow(client, created.id, TRIGGER);
			console.log(`${steps.length} operations: ${status} in ${Date.now() - started} ms`);
			if (run.resultData.error) throw new Error(`The run failed: ${run.resultData.error.message}`);

			const work = await control<WorkSnapshot>('BITRIX24', 'GET', '/bitrix24/work');
			for (const step of steps) {
				const output = outputOf(run, step.name);
				assert.equal(output.length, 1, `${step.name}: ${JSON.stringify(output)}`);
				step.check(output[0], work);
			}
		},
	);
});
