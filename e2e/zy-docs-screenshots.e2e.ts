// The pictures of README.ru.md and README.md (docs/images/*.png), taken in the real n8n editor
// against the sandbox, so that they stay current with the interface. `npm run docs:screenshots`
// runs this file alone; `npm run test:e2e` runs it last but for the log check (its views create
// records and queue a call, which the other files' counts need not see).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import type { Page } from 'playwright-core';

import { sandboxCredentials } from '../runtime/sandbox-credentials';
import { DocScreenshots, VIEW_MS } from './support/doc-screenshots';
import { EditorBrowser } from './support/editor-browser';
import { nodeEntry, packNodeTypes, PACKAGE, workflowWithNodes } from './support/node-views';
import { control } from './support/sandbox-control';
import { startedN8n } from './support/suite';

const { client } = startedN8n();
const editor = new EditorBrowser(client.baseUrl);
const shots = new DocScreenshots();

/** One example per vendor that a guide's "first workflow" runs, and what its last node shows. */
const FIRST_WORKFLOWS = [
	{
		image: 'first-workflow-ati',
		workflowId: 'exAtiOnline00001',
		node: 'Online Only',
		shows: '234567.0',
	},
	{
		image: 'first-workflow-era',
		workflowId: 'exEraRegister001',
		node: 'Look It Up By Code',
		shows: 'ids',
	},
	{
		image: 'first-workflow-bitrix24',
		workflowId: 'exB24OneDeal0001',
		node: 'Create Deal',
		shows: 'result',
	},
	{
		image: 'first-workflow-one-c-connect',
		workflowId: 'exOneCClients001',
		node: 'Create Clients',
		shows: 'ClientID',
	},
	{
		image: 'first-workflow-oktell',
		workflowId: 'exOktellReady001',
		node: 'Ready Operators on 120',
		shows: 'readyUsers',
	},
];

/** The node details view's output (the logs panel below the canvas has one of its own). */
const OUTPUT_PANEL = '[data-test-id="output-panel"], [data-test-id="ndv-output-panel"]';

/** A caller the Oktell sandbox puts in queue 14, for the trigger's output. */
const WAITING_CALLER = '+79035550147';

/**
 * Runs a request again once when the connection was cut before any answer ("fetch failed"): after
 * minutes of editor-only work, n8n may close the idle connection just as it is reused.
 */
async function againIfCut<T>(request: () => Promise<T>): Promise<T> {
	try {
		return await request();
	} catch (error) {
		if (!(error instanceof TypeError && error.message === 'fetch failed')) throw error;
		return await request();
	}
}

/** A page of its own per view: leaving a changed workflow would ask to save it first. */
async function openPage(path: string): Promise<Page> {
	const page = await editor.context.newPage();
	await page.goto(`${client.baseUrl}${path}`);
	return page;
}

/** Opens a workflow's node as a user does (a double click on the canvas); the NDV's locator. */
async function openNode(page: Page, nodeName: string) {
	await page
		.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`)
		.dblclick({ force: true, timeout: VIEW_MS });
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor({ state: 'visible', timeout: VIEW_MS });
	return ndv;
}

/** Saves a workflow with one Bitrix24 node (webhook credential) and these parameters; its id. */
async function bitrix24Workflow(
	name: string,
	parameters: Record<string, unknown>,
): Promise<string> {
	const webhook = sandboxCredentials().find(
		(credential) => credential.type === 'bitrix24WebhookApi',
	);
	assert.ok(webhook, 'the sandbox has a Bitrix24 webhook credential');
	return await againIfCut(
		async () =>
			await workflowWithNodes(client, `Guide picture: ${name}`, [
				{
					id: randomUUID(),
					name,
					type: `${PACKAGE}.bitrix24`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { authentication: 'webhook', ...parameters },
					credentials: { bitrix24WebhookApi: { id: webhook.id, name: webhook.name } },
				},
			]),
	);
}

/** The workflow's executions, newest first. */
async function executionsOf(workflowId: string): Promise<Array<{ status: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await againIfCut(
		async () =>
			await client.request<{ results: Array<{ status: string }> }>(
				'GET',
				`/executions?filter=${filter}`,
			),
	);
	return page.results;
}

/** Waits until the workflow has one more finished execution than before; its status. */
async function nextExecution(workflowId: string, before: number): Promise<string> {
	const deadline = Date.now() + VIEW_MS;
	while (Date.now() < deadline) {
		const done = (await executionsOf(workflowId)).filter(
			(run) => !['new', 'running', 'waiting'].includes(run.status),
		);
		if (done.length > before) return done[0].status;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`workflow ${workflowId} did not finish a run in ${VIEW_MS} ms`);
}

describe('pictures for the guides (docs/images), taken in the n8n editor (Chromium)', () => {
	const started = Date.now();

	before(async () => {
		await client.login();
		await editor.launch();
		await editor.signIn();
	});

	after(async () => {
		await editor.close();
		console.log(
			`docs screenshots: ${shots.taken.length} pictures in ${((Date.now() - started) / 1000).toFixed(0)} s`,
		);
	});

	test('each credential form, filled in with the sandbox values', async () => {
		let page = await editor.context.newPage();
		for (const credential of sandboxCredentials()) {
			await shots.go(page, client.baseUrl, `/home/credentials/${credential.id}`);
			const form = page.locator('[data-test-id="credential-edit-dialog"]');
			const dialog = page.locator('[role="dialog"], .el-dialog').filter({ has: form }).last();
			const name = `credential-${credential.type}`;
			await shots.waitForText(name, page, dialog, credential.name);
			// n8n tests a saved credential when its form opens; an OAuth2 app needs "Connect" first.
			if (!credential.oauth2)
				await shots.waitForText(name, page, dialog, 'Connection tested successfully');
			await shots.take(name, page, [dialog]);
			// Closed as a user does; a form that stays open is left with its page.
			await page.keyboard.press('Escape');
			const closed = await form
				.waitFor({ state: 'hidden', timeout: 10_000 })
				.then(() => true)
				.catch(() => false);
			if (!closed) {
				await page.close();
				page = await editor.context.newPage();
			}
		}
		await page.close();
	});

	test("each node's main form", async () => {
		const nodes = await packNodeTypes(client);
		assert.ok(nodes.length >= 13, nodes.map((node) => node.name).join(', '));
		// One workflow holding every node: the editor loads once, each node opens in turn.
		const workflowId = await againIfCut(
			async () =>
				await workflowWithNodes(
					client,
					'Guide pictures: every node',
					nodes.map((node, index) =>
						nodeEntry(node, node.displayName, [(index % 5) * 300, Math.floor(index / 5) * 300]),
					),
				),
		);
		const page = await openPage(`/workflow/${workflowId}`);
		for (const node of nodes) {
			const ndv = await openNode(page, node.displayName);
			const form = ndv.locator('[data-test-id="node-parameters"]').first();
			await shots.take(`node-${node.name.slice(PACKAGE.length + 1)}`, page, [
				form.locator('[data-test-id="parameter-item"]'),
				form.locator('[data-test-id="node-credentials-select"]'),
			]);
			await page.locator('[data-test-id="ndv-close-button"]').first().click();
			await ndv.waitFor({ state: 'hidden', timeout: VIEW_MS });
		}
		await page.close();
	});

	test('the Bitrix24 field mapper shows the portal fields by their Russian names', async () => {
		const workflowId = await bitrix24Workflow('Create Deal', {
			resource: 'deal',
			operation: 'create',
			fields: {
				mappingMode: 'defineBelow',
				value: { TITLE: 'Заказ A-2042', OPPORTUNITY: 15800, STAGE_ID: 'WON' },
				matchingColumns: [],
				schema: [],
			},
		});
		const page = await openPage(`/workflow/${workflowId}`);
		const ndv = await openNode(page, 'Create Deal');
		const mapper = ndv.locator('[data-test-id="resource-mapper-container"]');
		await mapper.getByText('Сумма (OPPORTUNITY)').first().waitFor({ timeout: VIEW_MS });
		await shots.take('bitrix24-field-mapper', page, [mapper]);
		await page.close();
	});

	test('the Bitrix24 record picker lists deals by title, searched on the portal', async () => {
		const workflowId = await bitrix24Workflow('Get Deal', { resource: 'deal', operation: 'get' });
		const page = await openPage(`/workflow/${workflowId}`);
		const ndv = await openNode(page, 'Get Deal');
		await ndv.locator('[data-test-id="rlc-input"]').first().click();
		await page
			.locator('[data-test-id="rlc-search"] input, input[data-test-id="rlc-search"]')
			.first()
			.fill('Сделка #12');
		const item = page.locator('[data-test-id="rlc-item"]', { hasText: 'Сделка #120 (120)' });
		await item.first().waitFor({ timeout: VIEW_MS });
		await shots.take('bitrix24-record-picker', page, [
			ndv.locator('[data-test-id="parameter-item"]'),
			page.locator('[data-test-id="rlc-item"]'),
		]);
		await page.close();
	});

	test("a trigger's output after an event: a caller waits in an Oktell queue", async () => {
		await control('OKTELL', 'POST', '/oktell/queues/14/calls', {
			callerid: WAITING_CALLER,
			waitedSeconds: 75,
		});
		const page = await openPage('/workflow/exOktellWaiting1');
		const ndv = await openNode(page, 'Caller Waiting Over 60 s');
		await ndv.locator('[data-test-id="node-execute-button"]').first().click();
		await shots.waitForText('trigger-output-oktell', page, ndv, WAITING_CALLER);
		await shots.take('trigger-output-oktell', page, [ndv.locator(OUTPUT_PANEL)]);
		await page.close();
	});

	for (const example of FIRST_WORKFLOWS) {
		test(`first workflow ${example.workflowId}: Execute workflow, then the output of "${example.node}"`, async () => {
			const before = (await executionsOf(example.workflowId)).length;
			const page = await openPage(`/workflow/${example.workflowId}`);
			await page
				.locator('[data-test-id="execute-workflow-button"]')
				.first()
				.click({ timeout: VIEW_MS });
			assert.equal(await nextExecution(example.workflowId, before), 'success');
			const ndv = await openNode(page, example.node);
			await shots.waitForText(example.image, page, ndv, example.shows);
			await shots.take(example.image, page, [ndv.locator(OUTPUT_PANEL)]);
			await page.close();
		});
	}
});
