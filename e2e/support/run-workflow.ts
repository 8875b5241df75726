import { readFileSync } from 'node:fs';

import { exampleFiles } from '../../runtime/prepare-n8n';
import { EXAMPLE_CREDENTIALS } from '../../runtime/sandbox-credentials';
import type { N8nClient } from './n8n-client';
import { parseStoredExecution, type RunData } from './run-data';
import { waitFor } from '../../test/support/wait-until';

interface ExampleWorkflow {
	id: string;
	nodes: Array<{
		name: string;
		type: string;
		parameters?: Record<string, unknown>;
		credentials?: Record<string, { id: string }>;
	}>;
}

function exampleWorkflow(workflowId: string): { file: string; workflow: ExampleWorkflow } {
	for (const file of exampleFiles()) {
		const workflow = JSON.parse(readFileSync(file, 'utf8')) as ExampleWorkflow;
		if (workflow.id === workflowId) return { file, workflow };
	}
	throw new Error(`No example workflow has the id ${workflowId}`);
}

export function manualTriggerOf(workflowId: string): string {
	const { file, workflow } = exampleWorkflow(workflowId);
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`${file} has no manual trigger`);
	return trigger.name;
}

/**
 * Posts JSON to an active example's Webhook (its production URL), with the header its Header Auth
 * credential checks unless `withSecret` is false: the status and the answer.
 */
export async function callWebhook(
	client: N8nClient,
	workflowId: string,
	body: unknown,
	withSecret = true,
): Promise<{ status: number; answer: Record<string, unknown> }> {
	const { file, workflow } = exampleWorkflow(workflowId);
	const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	if (!webhook) throw new Error(`${file} has no Webhook`);
	const secret = EXAMPLE_CREDENTIALS.find(
		(credential) => credential.id === webhook.credentials?.httpHeaderAuth?.id,
	);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (secret && withSecret) headers[String(secret.data.name)] = String(secret.data.value);
	const reply = await fetch(`${client.baseUrl}/webhook/${String(webhook.parameters?.path)}`, {
		method: 'POST',
		headers,
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(120_000),
	});
	const text = await reply.text();
	let answer: Record<string, unknown>;
	try {
		answer = JSON.parse(text) as Record<string, unknown>;
	} catch {
		answer = { text };
	}
	return { status: reply.status, answer };
}

/**
 * Waits until n8n has stored the execution's outcome: an execution is listed as soon as it starts,
 * before its run data is written.
 */
export async function finishedExecution(
	client: N8nClient,
	executionId: string,
	timeoutMs = 60_000,
): Promise<{ status: string; data: string }> {
	return await waitFor(
		`execution ${executionId} to finish`,
		async () => {
			const execution = await client.request<{ status: string; data: string }>(
				'GET',
				`/executions/${executionId}`,
			);
			return ['new', 'running', 'waiting'].includes(execution.status) ? undefined : execution;
		},
		timeoutMs,
		250,
	);
}

/** Runs a saved workflow from this trigger, as the editor's "Execute workflow" button does. */
export async function runWorkflow(
	client: N8nClient,
	workflowId: string,
	triggerName: string,
): Promise<{ status: string; run: RunData }> {
	const { executionId } = await client.request<{ executionId: string }>(
		'POST',
		`/workflows/${workflowId}/run`,
		{ triggerToStartFrom: { name: triggerName } },
	);
	const stored = await finishedExecution(client, executionId);
	return { status: stored.status, run: parseStoredExecution(stored.data) };
}

/** Runs an example as the editor's "Execute workflow" button does and waits for its stored run. */
export async function runExample(
	client: N8nClient,
	workflowId: string,
): Promise<{ status: string; run: RunData }> {
	return await runWorkflow(client, workflowId, manualTriggerOf(workflowId));
}
