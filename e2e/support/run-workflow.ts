import { readFileSync } from 'node:fs';

import { exampleFiles } from '../../runtime/prepare-n8n';
import type { N8nClient } from './n8n-client';
import { parseStoredExecution, type RunData } from './run-data';
import { waitFor } from '../../test/support/wait-until';

interface ExampleWorkflow {
	id: string;
	nodes: Array<{ name: string; type: string }>;
}

export function manualTriggerOf(workflowId: string): string {
	for (const file of exampleFiles()) {
		const workflow = JSON.parse(readFileSync(file, 'utf8')) as ExampleWorkflow;
		if (workflow.id !== workflowId) continue;
		const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
		if (!trigger) throw new Error(`${file} has no manual trigger`);
		return trigger.name;
	}
	throw new Error(`No example workflow has the id ${workflowId}`);
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

/** Runs an example as the editor's "Execute workflow" button does and waits for its stored run. */
export async function runExample(
	client: N8nClient,
	workflowId: string,
): Promise<{ status: string; run: RunData }> {
	const { executionId } = await client.request<{ executionId: string }>(
		'POST',
		`/workflows/${workflowId}/run`,
		{ triggerToStartFrom: { name: manualTriggerOf(workflowId) } },
	);
	const stored = await finishedExecution(client, executionId);
	return { status: stored.status, run: parseStoredExecution(stored.data) };
}
