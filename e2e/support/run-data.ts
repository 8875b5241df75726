import { createRequire } from 'node:module';
import { join } from 'node:path';

import { N8N_DIR } from '../../runtime/layout';

export interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message: string; description?: string };
}

export interface RunData {
	resultData: {
		runData: Record<string, NodeRun[]>;
		error?: { message: string; description?: string };
	};
}

/** n8n stores execution data in the `flatted` format; its own copy reads it. */
export function parseStoredExecution(data: string): RunData {
	const requireFromN8n = createRequire(join(N8N_DIR, 'node_modules', 'n8n', 'package.json'));
	const flatted = requireFromN8n('flatted') as { parse(text: string): unknown };
	return flatted.parse(data) as RunData;
}

/** The JSON of every item a node output on its first output, in its last run. */
export function outputOf(run: RunData, nodeName: string): Array<Record<string, unknown>> {
	const runs = run.resultData.runData[nodeName];
	if (!runs?.length) {
		throw new Error(
			`Node "${nodeName}" did not run; ran: ${Object.keys(run.resultData.runData).join(', ')}`,
		);
	}
	const last = runs[runs.length - 1];
	if (last.error) throw new Error(`Node "${nodeName}" failed: ${last.error.message}`);
	return (last.data?.main?.[0] ?? []).map((item) => item.json);
}

/** `n8n execute --rawOutput` prints the run as JSON after any log lines. */
export function parseCliRun(stdout: string): RunData {
	const start = stdout.indexOf('{');
	if (start < 0) throw new Error(`n8n execute printed no JSON:\n${stdout.slice(0, 2000)}`);
	const parsed = JSON.parse(stdout.slice(start)) as { data?: RunData } & Partial<RunData>;
	return (parsed.data ?? parsed) as RunData;
}
