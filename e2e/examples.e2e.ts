import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { manualExamples, webhookExamples } from './support/examples';
import { outputOf } from './support/run-data';
import { callWebhook, runExample } from './support/run-workflow';
import { startedN8n } from './support/suite';
import { waitFor } from '../test/support/wait-until';

const { client } = startedN8n();

describe('example workflows run in a real n8n against the sandbox', () => {
	before(async () => await client.login());

	for (const example of manualExamples) {
		test(`${example.workflowId}: gives the documented output`, async () => {
			const started = Date.now();
			const { status, run } = await runExample(client, example.workflowId);
			console.log(`${example.workflowId}: ${status} in ${Date.now() - started} ms`);
			if (run.resultData.error) throw new Error(`The run failed: ${run.resultData.error.message}`);
			example.check(outputOf(run, example.outputNode));
		});
	}

	for (const example of webhookExamples) {
		test(`${example.workflowId}: active, answers its caller's calls in order`, async () => {
			await client.activate(example.workflowId);
			try {
				// n8n 2.x publishes an activation in the background: the Webhook answers 404 until then.
				const refused = await waitFor(
					'the Webhook to be registered',
					async () => {
						const reply = await callWebhook(client, example.workflowId, {}, false);
						return reply.status === 404 ? undefined : reply;
					},
					60_000,
				);
				assert.equal(refused.status, 403, 'a call without the secret header is refused');
				const answers: Array<Record<string, unknown>> = [];
				for (const [index, body] of example.calls.entries()) {
					const started = Date.now();
					const { status, answer } = await callWebhook(client, example.workflowId, body(answers));
					console.log(
						`${example.workflowId}: call ${index + 1} ${status} in ${Date.now() - started} ms`,
					);
					assert.equal(status, 200, `call ${index + 1}: ${JSON.stringify(answer)}`);
					answers.push(answer);
				}
				await example.check(answers);
			} finally {
				await client.deactivate(example.workflowId);
			}
		});
	}
});
