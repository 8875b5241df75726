import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { exampleFiles } from '../runtime/prepare-n8n';
import { EditorBrowser } from './support/editor-browser';
import { packNodeTypes } from './support/node-views';
import { startedN8n } from './support/suite';

const { client } = startedN8n();
const baseUrl = client.baseUrl;
const editor = new EditorBrowser(baseUrl);

// Runs in the page: true once every canvas node icon has finished loading (or failing).
const CANVAS_IMAGES_SETTLED = `[...document.querySelectorAll('[data-test-id="canvas-node"] img')].every((image) => image.complete)`;

// Runs in the page: canvas node icons that failed to load.
const BROKEN_CANVAS_IMAGES = `[...document.querySelectorAll('[data-test-id="canvas-node"] img')]
	.filter((image) => !image.complete || image.naturalWidth === 0)
	.map((image) => image.src)`;

const STICKY_NOTE = 'n8n-nodes-base.stickyNote';

/** One page load and a few checks, with room for a machine twice as slow under other load. */
const STEP = { timeout: 120_000 };

// Each node's resource and operation views: editor-views.e2e.ts.
describe('the pack in the n8n editor (Chromium)', () => {
	before(async () => {
		await client.login();
		await editor.launch();
	});

	after(async () => await editor.close());

	test('the owner logs in through the sign-in page', STEP, async () => {
		await editor.signIn();
		await editor.screenshot('00-after-login');
	});

	test(
		'every node of the pack is known to the editor and its light and dark icons load',
		STEP,
		async () => {
			const nodes = await packNodeTypes(client);
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
		},
	);

	for (const file of exampleFiles()) {
		const workflow = JSON.parse(readFileSync(file, 'utf8')) as {
			id: string;
			name: string;
			nodes: Array<{ name: string; type: string }>;
		};
		// Sticky notes (each example's description) are drawn on the canvas but are not nodes.
		const nodeCount = workflow.nodes.filter((node) => node.type !== STICKY_NOTE).length;
		test(`example "${workflow.name}" opens with every node and icon rendered`, STEP, async () => {
			await editor.page.goto(`${baseUrl}/workflow/${workflow.id}`);
			const nodes = editor.page.locator('[data-test-id="canvas-node"]');
			await nodes.first().waitFor({ timeout: 30_000 });
			assert.equal(await nodes.count(), nodeCount);
			await editor.page
				.waitForFunction(CANVAS_IMAGES_SETTLED, undefined, { timeout: 15_000 })
				.catch(() => undefined);
			const brokenImages = (await editor.page.evaluate(BROKEN_CANVAS_IMAGES)) as string[];
			assert.deepEqual(brokenImages, []);
			await editor.screenshot(`example-${workflow.id}`);
			assert.deepEqual(editor.takePageErrors(), []);
		});
	}
});
