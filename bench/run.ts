import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join } from 'node:path';

import { bitrix24EventsPart } from './bitrix24-events';
import { bitrix24ReturnAllPart } from './bitrix24-return-all';
import type { DecoderResult } from './decoder';
import { decoderGoals, measureDecoders } from './decoder';
import { INJECTED_LATENCY_MS } from './instrument';
import type { NodeVsFloor } from './node-vs-floor';
import { measureOperation } from './node-vs-floor';
import { operationCases, startRigs } from './operation-cases';
import type { PackLoad } from './pack-load';
import { measurePackLoad } from './pack-load';
import type { Goal } from './report';
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
import type { TriggerSize } from './triggers';
import { measureAtiTrigger, measureOktellTrigger } from './triggers';

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

/** `npm run bench -- decoder` runs only that part; no argument runs every part. */
const only = process.argv[2];
const runs = (part: string) => only === undefined || only === part;

async function main() {
	const started = Date.now();
	// The nodes as they ship: built by `npm run build`, not transpiled on the fly from source.
	process.env.N8N_HARNESS_LOAD = 'dist';
	if (!existsSync(join(__dirname, '..', 'dist', 'nodes'))) {
		throw new Error('The bench measures the built pack: run `npm run build` first.');
	}
	process.stdout.write(
		`npm run bench — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores; ` +
			`${INJECTED_LATENCY_MS} ms injected per vendor request\n`,
	);

	const goals: Goal[] = [];
	let packLoad: PackLoad | undefined;
	if (runs('pack-load')) {
		section('Pack load');
		packLoad = await measurePackLoad();
		process.stdout.write(`${packLoadText(packLoad)}\n`);
	}

	let operations: NodeVsFloor[] = [];
	if (runs('operations')) {
		section('Operations: node against its floor (no-op node through WorkflowExecute + raw HTTP)');
		operations = await measureOperations();
		process.stdout.write(`${operationTable(operations)}\n`);
		goals.push(...operationGoals(operations));
	}

	let decoders: DecoderResult[] = [];
	if (runs('decoder')) {
		section('1C-Connect decoder against the soap package (ClientRead reply, one process each)');
		process.stderr.write('… decoders\n');
		decoders = await measureDecoders();
		process.stdout.write(`${decoderTable(decoders)}\n`);
		goals.push(...decoderGoals(decoders));
	}

	let triggers: TriggerSize[] = [];
	if (runs('triggers')) {
		section('Trigger polls (no injected latency; ATI paces itself to its 10 requests/s)');
		process.stderr.write('… triggers\n');
		triggers = [...(await measureAtiTrigger()), ...(await measureOktellTrigger())];
		process.stdout.write(`${triggerTable(triggers)}\n`);
		goals.push(...triggerGoals(triggers));
	}
	if (runs('bitrix24-return-all')) goals.push(...(await bitrix24ReturnAllPart(section)));
	if (runs('bitrix24-events')) goals.push(...(await bitrix24EventsPart(section)));
	if (packLoad) goals.push(packLoadGoal(packLoad));

	section('Goals');
	process.stdout.write(`${goalTable(goals)}\n`);

	const seconds = (Date.now() - started) / 1000;
	const results = join(__dirname, 'results', only ? `${only}.json` : 'latest.json');
	mkdirSync(join(__dirname, 'results'), { recursive: true });
	writeFileSync(
		results,
		`${JSON.stringify({ at: new Date().toISOString(), node: process.version, seconds, injectedLatencyMs: INJECTED_LATENCY_MS, packLoad, operations, decoders, triggers, goals }, null, '\t')}\n`,
	);
	process.stdout.write(`\n${seconds.toFixed(0)} s; JSON in bench/results/${basename(results)}\n`);
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
