// `npm run test:e2e`: the pack inside a real n8n 2.x, against the sandbox simulators.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/run-all';
import { ensureRuntime } from '../runtime/install-runtime';
import { installPackInto, packPackage } from '../runtime/install-pack';
import { PROJECT_ROOT, RUNTIME_DIR } from '../runtime/layout';
import { N8nInstance } from '../runtime/n8n-instance';
import { importSandboxContent } from '../runtime/prepare-n8n';
import { E2E_ENV } from './support/e2e-env';

const E2E_PORT = Number(process.env.E2E_N8N_PORT ?? 5690);

/** Runs one setup step and prints how long it took (CI logs show where the minutes go). */
async function timed<T>(step: string, run: () => T | Promise<T>): Promise<T> {
	const started = Date.now();
	const result = await run();
	console.log(`e2e setup: ${step} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return result;
}

async function main(): Promise<number> {
	await timed('runtime check (Node 24 and n8n in .runtime/)', ensureRuntime);
	const dataDir = join(RUNTIME_DIR, 'e2e-data');
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true });
	const artifactsDir = join(PROJECT_ROOT, 'artifacts');
	mkdirSync(artifactsDir, { recursive: true });

	const instance = new N8nInstance({ dataDir, port: E2E_PORT, logLevel: 'debug' });
	const tarball = await timed('npm pack', packPackage);
	await timed('pack install into n8n', () => installPackInto(dataDir, tarball));
	await timed('import of sandbox credentials and examples', () => importSandboxContent(instance));

	const sandbox = await timed('simulators', startSandbox);
	try {
		await timed(`n8n start (${instance.baseUrl})`, () => instance.start());
		const only = process.argv.slice(2);
		const files = readdirSync(join(PROJECT_ROOT, 'e2e'))
			.filter((name) => name.endsWith('.e2e.ts'))
			.filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
			.sort()
			.map((name) => join('e2e', name));
		// Asynchronous: the simulators run in this process and must keep answering.
		const child = spawn(
			process.execPath,
			['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=600000', ...files],
			{
				cwd: PROJECT_ROOT,
				stdio: 'inherit',
				env: {
					...process.env,
					[E2E_ENV.n8nUrl]: instance.baseUrl,
					[E2E_ENV.dataDir]: dataDir,
					[E2E_ENV.logFile]: instance.logFile,
					[E2E_ENV.artifactsDir]: artifactsDir,
					...Object.fromEntries(
						sandbox.running.map(({ entry, url }) => [`${E2E_ENV.sandboxPrefix}${entry.id}`, url]),
					),
				},
			},
		);
		return await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
	} finally {
		await instance.stop();
		await sandbox.stop();
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
