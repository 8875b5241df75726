import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';

import { sandboxCredentials } from '../../runtime/sandbox-credentials';
import type { EditorBrowser } from './editor-browser';
import type { N8nClient } from './n8n-client';
import {
	combinationsOf,
	latestVersion,
	type Combination,
	type NodeTypeDescription,
} from './node-combinations';

export const PACKAGE = 'n8n-nodes-ru-business';

/** Generous for one step on a machine twice as slow as today's CI, with other work beside it. */
const STEP_MS = 30_000;

/** The pack's node types as the running n8n describes them (without n8n's "…Tool" variants). */
export async function packNodeTypes(client: N8nClient): Promise<NodeTypeDescription[]> {
	const reply = await client.fetch('/types/nodes.json');
	assert.equal(reply.status, 200);
	const all = (await reply.json()) as NodeTypeDescription[];
	return all.filter((node) => node.name.startsWith(`${PACKAGE}.`) && !node.name.endsWith('Tool'));
}

/** A workflow's entry for one node of this type, with its sandbox credential. */
export function nodeEntry(
	node: NodeTypeDescription,
	name: string,
	position: [number, number] = [0, 0],
): Record<string, unknown> {
	const credential = sandboxCredentials().find((candidate) =>
		node.credentials?.some((wanted) => wanted.name === candidate.type),
	);
	return {
		id: randomUUID(),
		name,
		type: node.name,
		typeVersion: latestVersion(node),
		position,
		parameters: {},
		...(credential
			? { credentials: { [credential.type]: { id: credential.id, name: credential.name } } }
			: {}),
	};
}

/** Saves a workflow holding these nodes, unconnected; its id. */
export async function workflowWithNodes(
	client: N8nClient,
	name: string,
	nodes: Array<Record<string, unknown>>,
): Promise<string> {
	const created = await client.request<{ id: string }>('POST', '/workflows', {
		name,
		nodes,
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
	});
	return created.id;
}

/** Saves a workflow holding one node of this type (with its sandbox credential); its id. */
export async function workflowWithNode(
	client: N8nClient,
	node: NodeTypeDescription,
	name: string,
): Promise<string> {
	return await workflowWithNodes(client, `Editor check: ${node.displayName}`, [
		nodeEntry(node, name),
	]);
}

async function waitForValue(input: Locator, wanted: string, what: string): Promise<void> {
	const deadline = Date.now() + STEP_MS;
	let shown = '';
	while (Date.now() < deadline) {
		shown = await input.inputValue().catch(() => '');
		if (shown === wanted) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	assert.equal(shown, wanted, what);
}

/** The node details view of one node, opened once; resource and operation switched in place. */
export class NodeView {
	readonly ndv: Locator;

	constructor(
		private readonly editor: EditorBrowser,
		private readonly nodeName: string,
	) {
		this.ndv = editor.page.locator('[data-test-id="ndv"]');
	}

	private get page(): Page {
		return this.editor.page;
	}

	/** Opens the workflow and the node, as a user does: a double click on it in the canvas. */
	async open(workflowId: string): Promise<void> {
		await this.page.goto(`${this.editor.baseUrl}/workflow/${workflowId}`);
		const node = this.page.locator(
			`[data-test-id="canvas-node"][data-node-name="${this.nodeName}"]`,
		);
		await node.waitFor({ timeout: STEP_MS });
		await node.dblclick({ force: true });
		await this.ndv.waitFor({ state: 'visible', timeout: STEP_MS });
		await this.parameters().waitFor({ timeout: STEP_MS });
	}

	private parameters(): Locator {
		return this.page.locator('[data-test-id="node-parameters"]').first();
	}

	private input(parameter: string): Locator {
		return this.ndv.locator(`[data-test-id="parameter-input-${parameter}"] input`).first();
	}

	/** Picks an option of a dropdown parameter by its shown name, as a user clicks it. */
	async choose(parameter: string, optionName: string): Promise<void> {
		const input = this.input(parameter);
		if ((await input.inputValue()) === optionName) return;
		await this.ndv.locator(`[data-test-id="parameter-input-${parameter}"]`).first().click();
		// The open dropdown's entry whose headline is exactly this name ("Get" is not "Get Many");
		// an entry shows its name, then its description on a line of its own.
		const options = this.page.getByRole('option');
		await options.first().waitFor({ timeout: STEP_MS });
		const index = await options.evaluateAll(
			(entries, name) =>
				entries.findIndex(
					(entry) =>
						(entry as unknown as { innerText: string }).innerText.split('\n')[0].trim() === name,
				),
			optionName,
		);
		assert.ok(index >= 0, `${parameter} offers "${optionName}"`);
		await options.nth(index).click({ timeout: STEP_MS });
		await waitForValue(input, optionName, `${parameter} shows "${optionName}"`);
	}

	/** Fails on n8n's "could not load/render" messages and on page errors; keeps a screenshot. */
	async check(label: string): Promise<void> {
		await this.parameters().waitFor({ timeout: STEP_MS });
		const text = await this.ndv.innerText();
		assert.ok(
			!/could not (load|render)|problem loading/i.test(text),
			`${label}: ${text.slice(0, 300)}`,
		);
		await this.editor.screenshot(`ndv-${label}`);
		assert.deepEqual(this.editor.takePageErrors(), [], label);
	}

	/** Back to the canvas (Escape would first close whatever picker still has the focus). */
	async close(): Promise<void> {
		const back = this.page.locator('[data-test-id="ndv-close-button"]');
		if (await back.isVisible()) await back.click();
		else await this.page.keyboard.press('Escape');
		await this.ndv.waitFor({ state: 'hidden', timeout: STEP_MS });
	}
}

/** A node's views in groups of one resource each (a node without resources is one group). */
export function viewGroups(node: NodeTypeDescription): Combination[][] {
	const groups = new Map<string, Combination[]>();
	for (const combo of combinationsOf(node)) {
		const key = combo.resource?.value ?? '';
		groups.set(key, [...(groups.get(key) ?? []), combo]);
	}
	return [...groups.values()];
}

/**
 * The node details view of one node at a time, kept open from one test to the next: each node is
 * opened once, and its resources and operations are switched in place.
 */
export class NodeViewSession {
	private current?: { node: string; view: NodeView };

	constructor(
		private readonly client: N8nClient,
		private readonly editor: EditorBrowser,
	) {}

	/** Shows and checks these views of the node (opened unless it already is); how many. */
	async show(node: NodeTypeDescription, combos: Combination[]): Promise<number> {
		const view = await this.viewOf(node);
		for (const combo of combos) {
			if (combo.resource) await view.choose('resource', combo.resource.name);
			if (combo.operation) await view.choose('operation', combo.operation.name);
			const label = [node.name, combo.resource?.name, combo.operation?.name]
				.filter(Boolean)
				.join(' ');
			await view.check(label);
		}
		return combos.length;
	}

	async close(): Promise<void> {
		if (this.current && (await this.current.view.ndv.isVisible())) await this.current.view.close();
		this.current = undefined;
	}

	private async viewOf(node: NodeTypeDescription): Promise<NodeView> {
		if (this.current?.node === node.name && (await this.current.view.ndv.isVisible())) {
			return this.current.view;
		}
		// A test that failed may leave its view open: a new page load starts clean.
		this.current = undefined;
		const view = new NodeView(this.editor, node.displayName);
		await view.open(await workflowWithNode(this.client, node, node.displayName));
		this.current = { node: node.name, view };
		return view;
	}
}
