import { before, describe, test } from 'node:test';

import { manualExamples } from './support/examples';
import { outputOf } from './support/run-data';
import { runExample } from './support/run-workflow';
import { startedN8n } from './support/suite';

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
});
