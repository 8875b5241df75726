import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { exampleFiles } from '../runtime/prepare-n8n';
import { sandboxCredentials } from '../runtime/sandbox-credentials';
import { EditorBrowser } from './support/editor-browser';
import {
	combinationsOf,
	latestVersion,
	type NodeTypeDescription,
} from './support/node-combinations';
import { startedN8n } from './support/suite';

const PACKAGE = 'n8n-nodes-ru-business';

const { client } = startedN8n();
const baseUrl = client.baseUrl;
const editor = new EditorBrowser(baseUrl);

// Runs in the page: true once every canvas node icon has finished loading (or failing).
const CANVAS_IMAGES_SETTLED = `[...document.querySelectorAll('[data-test-id="canvas-node"] img')].every((image) => image.complete)`;

// Runs in the page: canvas node icons that failed to load.
const BROKEN_CANVAS_IMAGES = `[...document.querySelectorAll('[data-test-id="canvas-node"] img')]
	.filter((image) => !image.complete || image.naturalWidth === 0)
	.map((image) => image.src)`;

async function packNodeTypes(): Promise<NodeTypeDescription[]> {
	const reply = await editor.page.request.get(`${baseUrl}/types/nodes.json`);
	assert.equal(reply.status(), 200);
	const all = (await reply.json()) as NodeTypeDescription[];
	// n8n adds an "…Tool" variant of every node usable as an AI tool; it renders the same.
	return all.filter((node) => node.name.startsWith(`${PACKAGE}.`) && !node.name.endsWith('Tool'));
}

describe('the pack in the n8n editor (Chromium)', () => {
	before(async () => {
		await client.login();
		await editor.launch();
	});

	after(async () => await editor.close());

	test('the owner logs in through the sign-in page', async () => {
		await editor.signIn();
		await editor.screenshot('00-after-login');
	});

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
				const reply = await editor.page.request.get(`${baseUrl}/${icon}`);
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
			await editor.page.goto(`${baseUrl}/workflow/${workflow.id}`);
			const nodes = editor.page.locator('[data-test-id="canvas-node"]');
			await nodes.first().waitFor({ timeout: 30_000 });
			assert.equal(await nodes.count(), workflow.nodes.length);
			await editor.page
				.waitForFunction(CANVAS_IMAGES_SETTLED, undefined, { timeout: 15_000 })
				.catch(() => undefined);
			const brokenImages = (await editor.page.evaluate(BROKEN_CANVAS_IMAGES)) as string[];
			assert.deepEqual(brokenImages, []);
			await editor.screenshot(`example-${workflow.id}`);
			assert.deepEqual(editor.takePageErrors(), []);
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
			await editor.page.goto(`${baseUrl}/workflow/${created.id}`);
			await editor.page
				.locator('[data-test-id="canvas-node"]')
				.first()
				.waitFor({ timeout: 30_000 });
			const ndv = editor.page.locator('[data-test-id="ndv"]');
			for (const [index, shown] of nodes.entries()) {
				// Opened as a user opens it: a double click on the node in the canvas.
				await editor.page
					.locator(`[data-test-id="canvas-node"][data-node-name="${shown.name}"]`)
					.dblclick({ force: true });
				await ndv.waitFor({ state: 'visible', timeout: 30_000 });
				await editor.page
					.locator('[data-test-id="node-parameters"]')
					.first()
					.waitFor({ timeout: 30_000 });
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
				await editor.screenshot(`ndv-${node.name}-${shown.name}`);
				assert.deepEqual(editor.takePageErrors(), [], `${node.name} / ${shown.name}`);
				await editor.page.keyboard.press('Escape');
				await ndv.waitFor({ state: 'hidden', timeout: 30_000 });
			}
			console.log(`${node.displayName}: ${nodes.length} resource/operation views rendered`);
		}
	});
});
