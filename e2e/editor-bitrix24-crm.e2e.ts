import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import type { Page } from 'playwright-core';

import { sandboxCredentials } from '../runtime/sandbox-credentials';
import { EditorBrowser } from './support/editor-browser';
import { outputOf } from './support/run-data';
import { runExample } from './support/run-workflow';

import { startedN8n } from './support/suite';

const { client } = startedN8n();
const editor = new EditorBrowser(client.baseUrl);
const webhook = sandboxCredentials().find((credential) => credential.type === 'bitrix24WebhookApi');

// Runs in the page: true once the locator shows the picked deal's name.
const PICKED_DEAL_SHOWN = `[...document.querySelectorAll('[data-test-id="rlc-input"] input, input[data-test-id="rlc-input"]')]
	.some((input) => input.value.includes('Сделка #120'))`;

/** A workflow holding one Bitrix24 node with these parameters, opened in the editor's NDV. */
async function openBitrix24Node(name: string, parameters: Record<string, unknown>) {
	assert.ok(webhook, 'the sandbox has a Bitrix24 webhook credential');
	const created = await client.request<{ id: string }>('POST', '/workflows', {
		name: `Bitrix24 CRM editor check: ${name}`,
		nodes: [
			{
				id: randomUUID(),
				name,
				type: 'n8n-nodes-ru-business.bitrix24',
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'webhook', ...parameters },
				credentials: { bitrix24WebhookApi: { id: webhook.id, name: webhook.name } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
	});
	// A page of its own: leaving a workflow the mapper has changed would ask to save it first.
	const page = await editor.context.newPage();
	page.on('pageerror', (error) => pageErrors.push(error.message));
	await page.goto(`${client.baseUrl}/workflow/${created.id}`);
	await page
		.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`)
		.dblclick({ force: true, timeout: 60_000 });
	const ndv = page.locator('[data-test-id="ndv"]');
	await ndv.waitFor({ state: 'visible', timeout: 60_000 });
	return { page, ndv };
}

const pageErrors: string[] = [];

/** Runs a check; on failure keeps a screenshot of what the editor showed. */
async function shownOnFailure(name: string, page: Page, check: () => Promise<void>): Promise<void> {
	try {
		await check();
	} catch (error) {
		await editor.screenshot(`${name}-failed`, page).catch(() => undefined);
		throw error;
	}
}

/** Calls a REST method of the sandbox portal through the stored webhook. */
async function callPortal(method: string, body: unknown): Promise<Response> {
	return await fetch(`${String(webhook?.data.secretWebhookUrl)}${method}.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
}

/**
 * Adds a required user field on the sandbox portal, as an admin does in Bitrix24's CRM settings;
 * returns its ID so the test can remove it (later e2e files add deals without it).
 */
async function addDealUserField(): Promise<number> {
	const reply = await callPortal('crm.deal.userfield.add', {
		fields: {
			FIELD_NAME: `E2E_CHANNEL_${Date.now()}`,
			USER_TYPE_ID: 'enumeration',
			EDIT_FORM_LABEL: 'Канал продаж',
			MANDATORY: 'Y',
			LIST: [{ VALUE: 'Сайт' }, { VALUE: 'Партнёр' }],
		},
	});
	const text = await reply.text();
	assert.equal(reply.status, 200, text);
	return Number((JSON.parse(text) as { result: unknown }).result);
}

let addedUserField: number | undefined;

describe('Bitrix24 CRM resources in the n8n editor (Chromium)', () => {
	before(async () => {
		await client.login();
		await editor.launch();
		await editor.signIn();
	});

	after(async () => {
		await editor.close();
		if (addedUserField !== undefined) {
			const reply = await callPortal('crm.deal.userfield.delete', { id: addedUserField });
			assert.equal(reply.status, 200, await reply.text());
		}
	});

	test('Deal → Create shows the mapper columns loaded from the portal, a new user field included', async () => {
		addedUserField = await addDealUserField();
		const { page, ndv } = await openBitrix24Node('Create Deal', {
			resource: 'deal',
			operation: 'create',
			fields: {
				mappingMode: 'defineBelow',
				value: { TITLE: 'Заказ A-2042', OPPORTUNITY: 15800, STAGE_ID: 'WON' },
				matchingColumns: [],
				schema: [],
			},
		});
		const mapper = ndv.locator('[data-test-id="resource-mapper-container"]');
		await shownOnFailure('bitrix24-crm-mapper', page, async () => {
			await mapper.waitFor({ timeout: 60_000 });
			await mapper.getByText('Сумма (OPPORTUNITY)').first().waitFor({ timeout: 60_000 });
			await mapper
				.getByText(/Канал продаж \(UF_CRM_E2E_CHANNEL_\d+\)/)
				.first()
				.waitFor({ timeout: 60_000 });
		});
		const text = await mapper.innerText();
		assert.match(text, /Название \(TITLE\)/);
		assert.match(text, /Стадия сделки \(STAGE_ID\)/);
		await editor.screenshot('bitrix24-crm-mapper', page);
		assert.deepEqual(pageErrors.splice(0), []);
		await page.close();
	});

	test('Deal → Get picks a deal From List, named by its title', async () => {
		const { page, ndv } = await openBitrix24Node('Get Deal', {
			resource: 'deal',
			operation: 'get',
		});
		const locator = ndv.locator('[data-test-id="rlc-input"]').first();
		await locator.click();
		// The list is drawn outside the parameter panel, so its items are found on the page.
		const dropdown = page;
		await shownOnFailure('bitrix24-crm-record-list', page, async () => {
			await dropdown.locator('[data-test-id="rlc-item"]').first().waitFor({ timeout: 60_000 });
		});
		// The search box filters on the portal (the deal's title contains the text).
		await dropdown
			.locator('[data-test-id="rlc-search"] input, input[data-test-id="rlc-search"]')
			.first()
			.fill('Сделка #120');
		const item = dropdown.locator('[data-test-id="rlc-item"]', { hasText: 'Сделка #120 (120)' });
		await item.first().waitFor({ timeout: 60_000 });
		await editor.screenshot('bitrix24-crm-record-list', page);
		await item.first().click();
		await page.waitForFunction(PICKED_DEAL_SHOWN, undefined, { timeout: 15_000 });
		assert.deepEqual(pageErrors.splice(0), []);
		await page.close();
	});

	test("Smart Process Item → Create loads the chosen process's fields, user fields included", async () => {
		const { page, ndv } = await openBitrix24Node('Create Delivery', {
			resource: 'smartProcessItem',
			operation: 'create',
			entityTypeId: 1032,
			fields: {
				mappingMode: 'defineBelow',
				value: { title: 'Доставка' },
				matchingColumns: [],
				schema: [],
			},
		});
		const mapper = ndv.locator('[data-test-id="resource-mapper-container"]');
		await mapper.getByText('Название (title)').first().waitFor({ timeout: 60_000 });
		await mapper.getByText('Вес груза, кг (ufCrm5Weight)').first().waitFor({ timeout: 60_000 });
		await editor.screenshot('bitrix24-crm-smart-process', page);
		assert.deepEqual(pageErrors.splice(0), []);
		await page.close();
	});

	test('web-form leads example: submissions merge into contacts by phone or e-mail, each becomes a lead', async () => {
		const { status, run } = await runExample(client, 'exB24WebLeads001');
		if (run.resultData.error) throw new Error(`The run failed: ${run.resultData.error.message}`);

		assert.equal(status, 'success');
		const contacts = outputOf(run, 'Merge Into Contacts');
		assert.equal(contacts.length, 3);
		assert.equal(contacts[0].created, false, 'Мария is an existing contact, found by phone');
		assert.equal(contacts[1].created, true);
		assert.deepEqual(
			contacts[2],
			{ ID: contacts[1].ID, created: false },
			'the repeat finds Глеб by e-mail',
		);
		const leads = outputOf(run, 'Create Leads');
		assert.equal(leads.length, 3);
		for (const lead of leads) assert.match(String(lead.ID), /^\d+$/);
	});

	test('deals won this month example: Return All, then one summary', async () => {
		const { status, run } = await runExample(client, 'exB24WonMonth001');
		if (run.resultData.error) throw new Error(`The run failed: ${run.resultData.error.message}`);

		assert.equal(status, 'success');
		const [summary] = outputOf(run, 'Summary');
		assert.ok(Number(summary.deals) >= 24, JSON.stringify(summary));
		assert.ok(Number(summary.total) > 0);
		assert.match(String(summary.month), /^\d{4}-\d\d$/);
	});
});
