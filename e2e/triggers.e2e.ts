import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { triggerExamples } from './support/examples';
import { outputOf, parseStoredExecution } from './support/run-data';
import { finishedExecution } from './support/run-workflow';
import { control } from './support/sandbox-control';
import { waitFor } from '../test/support/wait-until';
import { startedN8n } from './support/suite';

const { client } = startedN8n();

interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
}

// A polling trigger polls at most once a minute: arming takes up to a minute and the event up
// to another.
const POLL_WAIT_MS = 150_000;

async function executionsOf(workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await client.request<{ results: ExecutionSummary[] }>(
		'GET',
		`/executions?filter=${filter}`,
	);
	return page.results;
}

describe('trigger workflows, active in a real n8n, react to the sandbox', () => {
	before(async () => {
		await client.login();
		// Only the request logs are cleared, so that `armed` sees this trigger's own first poll and
		// not the examples' requests; a full reset would also revoke the OAuth2 tokens that the
		// editor test obtained.
		for (const example of triggerExamples) {
			await control(example.simulator, 'DELETE', '/requests');
		}
		await Promise.all(
			triggerExamples.map(async (example) => await client.activate(example.workflowId)),
		);
	});

	after(async () => {
		for (const example of triggerExamples) await client.deactivate(example.workflowId);
		// The Bitrix24 Event Trigger removes its handlers from the portal when deactivated (n8n
		// deactivates in the background, so this waits for it).
		const appHandlers = async () =>
			(
				await control<{ handlers: Array<{ source: string }> }>(
					'BITRIX24',
					'GET',
					'/bitrix24/events',
				)
			).handlers.filter((bound) => bound.source === 'app');
		await waitFor(
			'no event handler to stay bound',
			async () => ((await appHandlers()).length === 0 ? true : undefined),
			30_000,
		);
	});

	for (const example of triggerExamples) {
		test(`${example.workflowId}: runs once for the event the simulator produces`, async () => {
			await waitFor(
				'the trigger to take its baseline',
				async () => ((await example.armed()) ? true : undefined),
				POLL_WAIT_MS,
			);
			const before = await executionsOf(example.workflowId);
			await example.drive(client);
			const started = Date.now();
			const execution = await waitFor(
				'an execution of the workflow',
				async () =>
					(await executionsOf(example.workflowId)).find(
						(run) => !before.some((old) => old.id === run.id),
					),
				POLL_WAIT_MS,
			);
			console.log(
				`${example.workflowId}: execution ${execution.id} ${Date.now() - started} ms after the event`,
			);
			const stored = await finishedExecution(client, execution.id);
			example.check(outputOf(parseStoredExecution(stored.data), example.outputNode));
			await example.confirm?.();
			if (example.simulator === 'BITRIX24' || example.confirm) {
				// At-least-once delivery must not become a second run: give a repeat time to arrive.
				await new Promise((resolve) => setTimeout(resolve, 3_000));
				const runs = (await executionsOf(example.workflowId)).filter(
					(run) => !before.some((old) => old.id === run.id),
				);
				assert.equal(runs.length, 1, `${example.workflowId} ran once per event`);
			}
		});
	}
});
