// `npm start`: the sandbox simulators and a real n8n 2.x with the pack installed, credentials
// for every vendor and the example workflows, on 127.0.0.1. Ctrl+C stops both.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/run-all';
import { ensureRuntime } from './install-runtime';
import { installPackInto, packPackage } from './install-pack';
import { N8N_PORT, START_DATA_DIR } from './layout';
import { N8nInstance } from './n8n-instance';
import { OWNER_EMAIL, OWNER_PASSWORD } from './owner';
import { exampleFiles, importSandboxContent } from './prepare-n8n';
import { importedCredentials } from './sandbox-credentials';

function digest(parts: Array<string | Buffer>): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part);
	return hash.digest('hex');
}

/** Runs `step` only when `fingerprint` differs from the one recorded after its last run. */
function onceFor(name: string, fingerprint: string, step: () => void): void {
	const marker = join(START_DATA_DIR, `.${name}.sha256`);
	if (existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) return;
	step();
	writeFileSync(marker, fingerprint);
}

async function main(): Promise<void> {
	const started = Date.now();
	ensureRuntime();
	const instance = new N8nInstance({
		dataDir: START_DATA_DIR,
		port: Number(process.env.N8N_PORT ?? N8N_PORT),
	});

	const tarball = packPackage();
	onceFor('pack', digest([readFileSync(tarball)]), () => {
		console.log('Installing the pack into n8n as a community package…');
		installPackInto(START_DATA_DIR, tarball);
	});
	const content = [
		JSON.stringify(importedCredentials()),
		...exampleFiles().map((file) => readFileSync(file)),
	];
	onceFor('content', digest(content), () => {
		console.log('Importing sandbox credentials and example workflows…');
		importSandboxContent(instance);
	});

	const sandbox = await startSandbox();
	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping n8n and the sandbox…`);
		await instance.stop();
		await sandbox.stop();
		process.exit(0);
	};
	process.once('SIGINT', () => void stop('SIGINT'));
	process.once('SIGTERM', () => void stop('SIGTERM'));

	try {
		await instance.start();
	} catch (error) {
		console.error(
			`n8n did not start: ${(error as Error).message}. Its output: ${join(START_DATA_DIR, 'n8n-console.log')}`,
		);
		await sandbox.stop();
		process.exit(1);
	}

	console.log('\nSandbox simulators:');
	for (const { simulator, url } of sandbox.running)
		console.log(`  ${simulator.name.padEnd(12)}${url}`);
	console.log(
		`\nn8n is ready at ${instance.baseUrl}  (started in ${Math.round((Date.now() - started) / 1000)} s)`,
	);
	console.log(`  login: ${OWNER_EMAIL}  password: ${OWNER_PASSWORD}`);
	console.log(`  data:  ${START_DATA_DIR}  log: ${instance.logFile}`);
	console.log('Press Ctrl+C to stop.');
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
