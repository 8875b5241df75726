// `npm run test:queue`: the pack in n8n's queue mode — PostgreSQL, Redis, a main process and
// workers, each worker with the pack in its own user folder — against the sandbox simulators.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8nClient } from '../e2e/support/n8n-client';
import { installPackInto, packPackage } from '../runtime/install-pack';
import { ensureRuntime } from '../runtime/install-runtime';
import { RUNTIME_DIR } from '../runtime/layout';
import { EXAMPLES_DIR } from '../runtime/prepare-n8n';
import { ensureRedisServer, startPrivateRedis } from '../runtime/private-redis';
import { sandboxCredentials } from '../runtime/sandbox-credentials';
import type { Bitrix24Simulator } from '../sandbox/bitrix24';
import { startSandbox } from '../sandbox/run-all';
import { simulators } from '../sandbox/simulators';
import type { QueueChecks } from './checks';
import { runChecks } from './checks';
import { QueueN8n } from './n8n-process';
import { startPrivatePostgres } from './services';
import { ERA_WRONG_CREDENTIAL_ID, queueWorkflows } from './workflows';

/** Its own ports and folders: e2e (5690…, .runtime/e2e-data, 181xx) can never meet it. */
const MAIN_PORT = Number(process.env.QUEUE_N8N_PORT ?? 5710);
const SANDBOX_PORT_BASE = Number(process.env.QUEUE_SANDBOX_PORT_BASE ?? 18200);
for (const [index, entry] of simulators.entries()) {
	process.env[`SANDBOX_${entry.id}_PORT`] ??= String(SANDBOX_PORT_BASE + index + 1);
}

async function timed<T>(step: string, run: () => T | Promise<T>): Promise<T> {
	const started = Date.now();
	const result = await run();
	console.log(`queue setup: ${step} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return result;
}

async function main(): Promise<number> {
	const begun = Date.now();
	await timed('runtime check (Node 24 and n8n in .runtime/)', ensureRuntime);
	const missingRedis = await timed('redis-server check', ensureRedisServer);
	if (missingRedis) throw new Error(missingRedis);
	const postgres = await timed('private PostgreSQL', startPrivatePostgres);
	const redis = await timed('private Redis', () => startPrivateRedis());
	const stops: Array<() => Promise<void>> = [redis.stop, postgres.stop];
	try {
		const base = join(RUNTIME_DIR, 'queue-data');
		rmSync(base, { recursive: true, force: true });
		mkdirSync(base, { recursive: true });
		const settings = {
			postgres,
			redis,
			encryptionKey: randomBytes(24).toString('hex'),
		};
		const mainProcess = new QueueN8n('main', 'main', join(base, 'main'), MAIN_PORT, settings);
		const workers = [1, 2, 3].map(
			(index) =>
				new QueueN8n(
					`worker ${index}`,
					'worker',
					join(base, `worker-${index}`),
					MAIN_PORT + 10 * index,
					settings,
				),
		);
		// A developer may hand in a tarball packed earlier (QUEUE_TARBALL); CI always packs dist/.
		const tarball = process.env.QUEUE_TARBALL ?? (await timed('npm pack', packPackage));
		await timed('pack install into main and each worker', () => {
			for (const process of [mainProcess, ...workers]) installPackInto(process.dataDir, tarball);
		});

		const sandbox = await timed('simulators', () => startSandbox());
		stops.unshift(sandbox.stop);
		const bitrix24 = sandbox.running.find(({ entry }) => entry.id === 'BITRIX24')
			?.simulator as Bitrix24Simulator;
		await timed('import of credentials and workflows', () =>
			importContent(mainProcess, bitrix24.issueTokens()),
		);

		stops.unshift(async () => {
			await Promise.all([mainProcess, ...workers].map(async (process) => await process.stop()));
		});
		await timed('n8n main', () => mainProcess.start());
		await timed('2 workers', () => Promise.all(workers.slice(0, 2).map((w) => w.start())));

		for (const { entry, url } of sandbox.running) process.env[`E2E_SANDBOX_${entry.id}`] = url;
		const client = new N8nClient(mainProcess.instance.baseUrl);
		await client.login();
		const checks: QueueChecks = { client, mainProcess, workers, sandbox, postgres };
		const failures = await runChecks(checks);
		console.log(`queue: finished in ${((Date.now() - begun) / 1000).toFixed(0)} s`);
		return failures === 0 ? 0 : 1;
	} finally {
		for (const stop of stops) await stop().catch((error: unknown) => console.error(error));
	}
}

function importContent(mainProcess: QueueN8n, tokens: Record<string, unknown>): void {
	const scratch = mkdtempSync(join(tmpdir(), 'queue-import-'));
	try {
		const credentials = sandboxCredentials().map((credential) =>
			credential.oauth2
				? {
						...credential,
						data: { ...credential.data, oauthTokenData: { ...tokens, token_type: 'bearer' } },
					}
				: credential,
		);
		const era = credentials.find((credential) => credential.type === 'eraApi');
		credentials.push({
			id: ERA_WRONG_CREDENTIAL_ID,
			name: 'ERA Wrong Password',
			type: 'eraApi',
			data: { ...era?.data, password: 'PLACEHOLDER-not-the-password' },
		});
		const credentialsFile = join(scratch, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(credentials));
		mainProcess.cli(['import:credentials', `--input=${credentialsFile}`]);
		mainProcess.cli(['import:workflow', '--separate', `--input=${EXAMPLES_DIR}`]);
		const workflowsDir = join(scratch, 'workflows');
		mkdirSync(workflowsDir);
		for (const workflow of queueWorkflows()) {
			writeFileSync(join(workflowsDir, `${String(workflow.id)}.json`), JSON.stringify(workflow));
		}
		mainProcess.cli(['import:workflow', '--separate', `--input=${workflowsDir}`]);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
