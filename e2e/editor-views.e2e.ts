import { after, before, describe, test } from 'node:test';

import { EditorBrowser } from './support/editor-browser';
import { NodeViewSession, packNodeTypes, viewGroups } from './support/node-views';
import { startedN8n } from './support/suite';

const { client } = startedN8n();
const editor = new EditorBrowser(client.baseUrl);

/**
 * Measured on 2 shared cores under load with two CPU-bound jobs beside it: about 9 s to open a
 * node, about 1 s per view. The limits leave three times that: twice as slow a machine still fits.
 */
const OPEN_MS = 60_000;
const PER_VIEW_MS = 6_000;

// One test per node and resource, so that none needs minutes; each node is opened once and its
// resources and operations are switched in place. Runs after editor-oauth, as the one big editor
// test it replaces did.
describe('every resource and operation of every node renders its parameters (Chromium)', async () => {
	await client.login();
	// The node types as the running n8n loaded them from the installed pack.
	const nodes = await packNodeTypes(client);
	const session = new NodeViewSession(client, editor);

	before(async () => {
		await editor.launch();
		await editor.signIn();
	});

	after(async () => {
		await session.close();
		await editor.close();
	});

	for (const node of nodes) {
		for (const combos of viewGroups(node)) {
			const resource = combos[0].resource?.name;
			const title = resource ? `${node.displayName} → ${resource}` : node.displayName;
			test(
				`${title}: ${combos.length} operation view(s)`,
				{ timeout: OPEN_MS + combos.length * PER_VIEW_MS },
				async () => {
					const started = Date.now();
					await session.show(node, combos);
					console.log(`${title}: ${combos.length} views in ${Date.now() - started} ms`);
				},
			);
		}
	}
});
