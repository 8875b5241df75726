import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { OWNER_EMAIL, OWNER_PASSWORD } from '../runtime/owner';
import { exampleFiles } from '../runtime/prepare-n8n';
import { sandboxCredentials } from '../runtime/sandbox-credentials';
import { E2E_ENV, e2eSetting } from './support/e2e-env';
import {
	combinationsOf,
	latestVersion,
	type NodeTypeDescription,
} from './support/node-combinations';
import { startedN8n } from './support/suite';

const PACKAGE = 'n8n-nodes-ru-business';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const { client } = startedN8n();
const baseUrl = client.baseUrl;
const shots = join(e2eSetting(E2E_ENV.artifactsDir), 'editor');

// Runs in the page: canvas node icons that failed to load.
const BROKEN_CANVAS_IMAGES = `[...document.querySelectorAll('[data-test-id="canvas-node"] img')]
	.filter((image) => !image.complete || image.naturalWidth === 0)
	.map((image) => image.src)`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function screenshot(name: string): Promise<void> {
	await page.screenshot({ path: join(shots, `${name.replace(/[^\w.-]+/g, '_')}.png`) });
}

function takePageErrors(): string[] {
	return pageErrors.splice(0, pageErrors.length);
}

async function packNodeTypes(): Promise<NodeTypeDescription[]> {
	const reply = await page.request.get(`${baseUrl}/types/nodes.json`);
	assert.equal(reply.status(), 200);
	const all = (await reply.json()) as NodeTypeDescription[];
	// n8n adds an "…Tool" variant of every node usable as an AI tool; it renders the same.
	return all.filter((node) => node.name.startsWith(`${PACKAGE}.`) && !node.name.endsWith('Tool'));
}

describe('the pack in the n8n editor (Chromium)', () => {
	before(async () => {
		mkdirSync(shots, { recursive: true });
		await client.login();
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
		});
		context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		page = await context.newPage();
		page.on('pageerror', (error) => pageErrors.push(error.message));
	});

	after(async () => {
		await browser?.close();
	});

	test('the owner logs in through the sign-in page', async () => {
		await page.goto(`${baseUrl}/signin`);
		await page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"]')
			.first()
			.fill(OWNER_EMAIL);
		await page.locator('input[type="password"]').first().fill(OWNER_PASSWORD);
		await page
			.locator('button[type="submit"], [data-test-id="form-submit-button"]')
			.first()
			.click();
		await page.waitForURL((url) => !url.pathname.includes('/signin'), { timeout: 30_000 });
		await screenshot('00-after-login');
	});

	for (const credential of sandboxCredentials().filter((candidate) => candidate.oauth2)) {
		test(`${credential.name}: "Connect my account" runs n8n's OAuth flow against the simulator`, async () => {
			await page.goto(`${baseUrl}/home/credentials/${credential.id}`);
			const connect = page.getByText('Connect my account', { exact: true }).first();
			await connect.waitFor({ timeout: 30_000 });
			await screenshot(`oauth-${credential.type}-before`);
			// The button opens a popup: n8n's /rest/oauth2-credential/auth → the simulator's
			// authorize page, which approves → n8n's callback, which fetches the tokens.
			const popupOpened = context.waitForEvent('page', { timeout: 30_000 });
			await connect.click();
			const popup = await popupOpened;
			await popup
				.waitForURL((url) => url.pathname.includes('/oauth2-credential/callback'), {
					timeout: 30_000,
				})
				.catch(() => undefined);
			await page
				.locator('[data-test-id="oauth-connect-success-banner"]')
				.waitFor({ timeout: 30_000 });
			await screenshot(`oauth-${credential.type}-connected`);
			const stored = await client.request<{ data: Record<string, unknown> }>(
				'GET',
				`/credentials/${credential.id}?includeData=true`,
			);
			assert.ok(stored.data.oauthTokenData, 'n8n stored the tokens of the OAuth flow');
			await page.keyboard.press('Escape');
			assert.deepEqual(takePageErrors(), []);
		});
	}

	test('every node of the pack is known to the editor and its light and dark icons load', async () => {
		const nodes = await packNodeTypes();
		const expected = (
			JSON.parse(readFileSync('package.json', 'utf8')) as { n8n: { nodes: string[] } }
		).n8n.nodes.length;
		assert.equal(nodes.length, expected, 'every node in package.json is loaded');
		for (const node of nodes) {
			const icons =
				typeof node.iconUrl === 'string' ? [node.iconUrl] : Object.values(node.iconUrl ?? {});
			assert.ok(icons.length > 0, `${node.name} has an icon`);
			for (const icon of icons) {
				const reply = await page.request.get(`${baseUrl}/${icon}`);
				assert.equal(reply.status(), 200, `${node.name}: ${icon}`);
				assert.match(await reply.text(), /<svg/, `${node.name}: ${icon} is an SVG`);
			}
		}
	});

	for (const file of exampleFiles()) {
		const workflow = JSON.parse(readFileSync(file, 'utf8')) as {
			id: string;
			name: string;
			nodes: Array<{ name: string }>;
		};
		test(`example "${workflow.name}" opens with every node and icon rendered`, async () => {
			await page.goto(`${baseUrl}/workflow/${workflow.id}`);
			const nodes = page.locator('[data-test-id="canvas-node"]');
			await nodes.first().waitFor({ timeout: 30_000 });
			assert.equal(await nodes.count(), workflow.nodes.length);
			const brokenImages = (await page.evaluate(BROKEN_CANVAS_IMAGES)) as string[];
			assert.deepEqual(brokenImages, []);
			await screenshot(`example-${workflow.id}`);
			assert.deepEqual(takePageErrors(), []);
		});
	}

	test('every resource and operation of every node renders its parameters', async () => {
		const credentials = sandboxCredentials();
		for (const node of await packNodeTypes()) {
			const combos = combinationsOf(node);
			const credential = credentials.find((candidate) =>
				node.credentials?.some((wanted) => wanted.name === candidate.type),
			);
			const nodes = combos.map((combo, index) => ({
				id: randomUUID(),
				name:
					[combo.resource?.name, combo.operation?.name].filter(Boolean).join(' ') ||
					node.displayName,
				type: node.name,
				typeVersion: latestVersion(node),
				position: [(index % 10) * 240, Math.floor(index / 10) * 200],
				parameters: {
					...(combo.resource ? { resource: combo.resource.value } : {}),
					...(combo.operation ? { operation: combo.operation.value } : {}),
				},
				...(credential
					? { credentials: { [credential.type]: { id: credential.id, name: credential.name } } }
					: {}),
			}));
			const created = await client.request<{ id: string }>('POST', '/workflows', {
				name: `Editor check: ${node.displayName}`,
				nodes,
				connections: {},
				settings: { executionOrder: 'v1' },
				active: false,
			});
			await page.goto(`${baseUrl}/workflow/${created.id}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 30_000 });
			const ndv = page.locator('[data-test-id="ndv"]');
			for (const [index, shown] of nodes.entries()) {
				// Opened as a user opens it: a double click on the node in the canvas.
				await page
					.locator(`[data-test-id="canvas-node"][data-node-name="${shown.name}"]`)
					.dblclick({ force: true });
				await ndv.waitFor({ state: 'visible', timeout: 30_000 });
				await page.locator('[data-test-id="node-parameters"]').first().waitFor({ timeout: 30_000 });
				const text = await ndv.innerText();
				assert.ok(
					!/could not (load|render)|problem loading/i.test(text),
					`${node.name} / ${shown.name}: ${text.slice(0, 300)}`,
				);
				const operation = combos[index].operation?.name;
				if (operation) {
					const shownOperation = await ndv
						.locator('[data-test-id="parameter-input-operation"] input')
						.first()
						.inputValue();
					assert.equal(
						shownOperation,
						operation,
						`${node.name} / ${shown.name} shows its operation`,
					);
				}
				await screenshot(`ndv-${node.name}-${shown.name}`);
				assert.deepEqual(takePageErrors(), [], `${node.name} / ${shown.name}`);
				await page.keyboard.press('Escape');
				await ndv.waitFor({ state: 'hidden', timeout: 30_000 });
			}
			console.log(`${node.displayName}: ${nodes.length} resource/operation views rendered`);
		}
	});
});
