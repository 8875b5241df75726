import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8N_BIN, NODE_BIN } from '../runtime/layout';
import { N8nInstance } from '../runtime/n8n-instance';

/** What every process of the queue-mode installation shares: the database, Redis and the key. */
export interface QueueSettings {
	postgres: { host: string; port: number; database: string; user: string };
	redis: { host: string; port: number };
	encryptionKey: string;
}

export type Role = 'main' | 'worker';

const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * One n8n process in queue mode, with its own user folder (and the pack installed there): the
 * main process (`n8n start`: editor, triggers, webhooks) or a worker (`n8n worker`).
 */
export class QueueN8n {
	readonly instance: N8nInstance;
	readonly consoleLog: string;
	private child?: ChildProcess;

	constructor(
		readonly name: string,
		readonly role: Role,
		readonly dataDir: string,
		/** The editor port of main; for a worker, the first of its own ports. */
		readonly port: number,
		private readonly settings: QueueSettings,
	) {
		this.instance = new N8nInstance({ dataDir, port, logLevel: 'info' });
		this.consoleLog = join(dataDir, 'n8n-console.log');
	}

	env(): NodeJS.ProcessEnv {
		const { postgres, redis, encryptionKey } = this.settings;
		return {
			...this.instance.env(),
			N8N_ENCRYPTION_KEY: encryptionKey,
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: 'trusted-locally',
			// n8n's defaults (2 connections, 20 s to get one) refuse webhooks with 500 when 400 arrive at
			// once on a busy machine: queue-mode guides raise both, and so do these checks.
			DB_POSTGRESDB_POOL_SIZE: '10',
			DB_POSTGRESDB_CONNECTION_TIMEOUT: '120000',
			// n8n pings its database every 2 s through the same pool and, after 3 pings without a free
			// connection in time, drops every connection ("Database is not ready", 503) mid-burst.
			DB_PING_TIMEOUT_MS: '60000',
			DB_PING_MAX_FAILURES_BEFORE_RECOVERY: '10',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(this.port + 3),
			N8N_RUNNERS_BROKER_PORT: String(this.port + 1),
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
		};
	}

	cli(args: string[]): string {
		const result = spawnSync(NODE_BIN, [N8N_BIN, ...args], {
			env: { ...this.env(), N8N_RUNNERS_BROKER_PORT: String(this.port + 2) },
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		if (result.status !== 0) {
			throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
		}
		return result.stdout;
	}

	async start(): Promise<void> {
		mkdirSync(this.dataDir, { recursive: true });
		const output = createWriteStream(this.consoleLog, { flags: 'a' });
		const args = this.role === 'main' ? ['start'] : ['worker', '--concurrency=10'];
		const child = spawn(NODE_BIN, [N8N_BIN, ...args], { env: this.env(), stdio: 'pipe' });
		this.child = child;
		for (const stream of [child.stdout, child.stderr]) stream?.pipe(output, { end: false });
		const exited = new Promise<never>((_, reject) => {
			child.once('exit', (code) =>
				reject(new Error(`${this.name} exited early (code ${code}); see ${this.consoleLog}`)),
			);
		});
		exited.catch(() => undefined);
		await Promise.race([this.waitReady(), exited]);
	}

	/** Main answers its editor settings; a worker its health check. */
	private async waitReady(): Promise<void> {
		const url =
			this.role === 'main'
				? `${this.instance.baseUrl}/rest/settings`
				: `http://127.0.0.1:${this.port + 3}/healthz/readiness`;
		const deadline = Date.now() + READY_TIMEOUT_MS;
		while (Date.now() < deadline) {
			try {
				const reply = await fetch(url, { signal: AbortSignal.timeout(2_000) });
				if (reply.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`${this.name} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
	}

	/** What this process wrote to its console, for the checks (which worker ran what). */
	output(): string {
		try {
			return readFileSync(this.consoleLog, 'utf8');
		} catch {
			return '';
		}
	}

	async stop(): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
		await exited;
		clearTimeout(timer);
	}
}
