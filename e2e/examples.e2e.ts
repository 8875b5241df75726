import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { exampleFiles } from '../runtime/prepare-n8n';
import { manualExamples } from './support/examples';
import { outputOf, parseStoredExecution } from './support/run-data';
import { waitFor } from './support/sandbox-control';
import { startedN8n } from './support/suite';

const { client } = startedN8n();

interface ExampleWorkflow {
	id: string;
	nodes: Array<{ name: string; type: string }>;
}

function manualTriggerOf(workflowId: string): string {
	for (const file of exampleFiles()) {
		const workflow = JSON.parse(readFileSync(file, 'utf8')) as ExampleWorkflow;
		if (workflow.id !== workflowId) continue;
		const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
		if (!trigger) throw new Error(`${file} has no manual trigger`);
		return trigger.name;
	}
	throw new Error(`No example workflow has the id ${workflowId}`);
}

describe('example workflows run in a real n8n against the sandbox', () => {
	before(async () => await client.login());

	for (const example of manualExamples) {
		test(`${example.workflowId}: gives the documented output`, async () => {
			const started = Date.now();
			// What the editor's "Execute workflow" button sends.
			const { executionId } = await client.request<{ executionId: string }>(
				'POST',
				`/workflows/${example.workflowId}/run`,
				{ triggerToStartFrom: { name: manualTriggerOf(example.workflowId) } },
			);
			const stored = await waitFor(
				'the execution to finish',
				async () => {
					const execution = await client.request<{ status: string; data: string }>(
						'GET',
						`/executions/${executionId}`,
					);
					return ['new', 'running', 'waiting'].includes(execution.status) ? undefined : execution;
				},
				60_000,
				250,
			);
			console.log(`${example.workflowId}: ${stored.status} in ${Date.now() - started} ms`);
			const run = parseStoredExecution(stored.data);
			if (run.resultData.error) throw new Error(`The run failed: ${run.resultData.error.message}`);
			example.check(outputOf(run, example.outputNode));
		});
	}
});
