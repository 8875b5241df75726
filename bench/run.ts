import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { measureDecoders } from './decoder';
import { INJECTED_LATENCY_MS } from './instrument';
import type { NodeVsFloor } from './node-vs-floor';
import { measureOperation } from './node-vs-floor';
import { operationCases, startRigs } from './operation-cases';
import { measurePackLoad } from './pack-load';
import {
	decoderTable,
	goalTable,
	operationGoals,
	operationTable,
	packLoadGoal,
	packLoadText,
	triggerGoals,
	triggerTable,
} from './report';
import { measureAtiTrigger, measureOktellTrigger } from './triggers';

const RESULTS = join(__dirname, 'results', 'latest.json');

function section(title: string) {
	process.stdout.write(`\n## ${title}\n\n`);
}

async function measureOperations(): Promise<NodeVsFloor[]> {
	const rigs = await startRigs();
	const results: NodeVsFloor[] = [];
	try {
		for (const operation of operationCases(rigs)) {
			process.stderr.write(`… ${operation.name}\n`);
			results.push(await measureOperation(operation));
		}
	} finally {
		await Promise.all(Object.values(rigs).map(async (rig) => await rig.stop()));
	}
	return results;
}

async function main() {
	const started = Date.now();
	process.stdout.write(
		`npm run bench — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores; ` +
			`${INJECTED_LATENCY_MS} ms injected per vendor request\n`,
	);

	section('Pack load');
	const packLoad = await measurePackLoad();
	process.stdout.write(`${packLoadText(packLoad)}\n`);

	section('Operations: node against its floor (no-op node through WorkflowExecute + raw HTTP)');
	const operations = await measureOperations();
	process.stdout.write(`${operationTable(operations)}\n`);

	section('1C-Connect decoder against the soap package (ClientRead reply, one process each)');
	process.stderr.write('… decoders\n');
	const decoders = await measureDecoders();
	process.stdout.write(`${decoderTable(decoders)}\n`);

	section('Trigger polls (no injected latency; ATI paces itself to its 10 requests/s)');
	process.stderr.write('… triggers\n');
	const triggers = [...(await measureAtiTrigger()), ...(await measureOktellTrigger())];
	process.stdout.write(`${triggerTable(triggers)}\n`);

	section('Goals');
	const goals = [...operationGoals(operations), ...triggerGoals(triggers), packLoadGoal(packLoad)];
	process.stdout.write(`${goalTable(goals)}\n`);

	const seconds = (Date.now() - started) / 1000;
	mkdirSync(join(__dirname, 'results'), { recursive: true });
	writeFileSync(
		RESULTS,
		`${JSON.stringify({ at: new Date().toISOString(), node: process.version, seconds, injectedLatencyMs: INJECTED_LATENCY_MS, packLoad, operations, decoders, triggers, goals }, null, '\t')}\n`,
	);
	process.stdout.write(`\n${seconds.toFixed(0)} s; JSON in bench/results/latest.json\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(
			`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	},
);
