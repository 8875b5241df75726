import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { N8N_BIN, N8N_HOST, NODE_BIN } from './layout';
import { node24Env } from './install-runtime';
import { ownerEnv } from './owner';

export interface N8nInstanceOptions {
	/** n8n's user folder: database, settings, installed community packages. */
	dataDir: string;
	port: number;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	/** Also copy n8n's output to this process's console. */
	echo?: boolean;
}

// Seen up to 39 s on a busy 2-core machine; room for one twice as slow, and more.
const READY_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 20_000;

/** A real n8n 2.x, run with Node 24 from .runtime/, on 127.0.0.1. */
export class N8nInstance {
	readonly baseUrl: string;
	readonly logFile: string;
	private child?: ChildProcess;

	constructor(private readonly options: N8nInstanceOptions) {
		this.baseUrl = `http://${N8N_HOST}:${options.port}`;
		this.logFile = join(options.dataDir, 'n8n.log');
	}

	env(): NodeJS.ProcessEnv {
		return {
			...node24Env(),
			...ownerEnv(),
			N8N_USER_FOLDER: this.options.dataDir,
			N8N_HOST,
			N8N_LISTEN_ADDRESS: N8N_HOST,
			N8N_PORT: String(this.options.port),
			// The task runners' broker listens on a port of its own; keep it beside n8n's.
			N8N_RUNNERS_BROKER_PORT: String(this.options.port + 1),
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_LOG_LEVEL: this.options.logLevel ?? 'info',
			N8N_LOG_OUTPUT: 'console,file',
			N8N_LOG_FILE_LOCATION: this.logFile,
			DB_SQLITE_POOL_SIZE: '2',
		};
	}

	/** Runs an n8n CLI command (import, execute…) against the same user folder. */
	cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
		const result = spawnSync(NODE_BIN, [N8N_BIN, ...args], {
			// A command runs its own task broker, beside the server's.
			env: { ...this.env(), N8N_RUNNERS_BROKER_PORT: String(this.options.port + 2) },
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		return { status: result.status, stdout: result.stdout, stderr: result.stderr };
	}

	cliOrThrow(args: string[]): string {
		const result = this.cli(args);
		if (result.status !== 0) {
			throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
		}
		return result.stdout;
	}

	async start(): Promise<void> {
		if (await this.answers()) {
			throw new Error(`Something already listens on ${this.baseUrl}: stop it first (another n8n?)`);
		}
		mkdirSync(this.options.dataDir, { recursive: true });
		const output = createWriteStream(join(this.options.dataDir, 'n8n-console.log'), { flags: 'a' });
		const child = spawn(NODE_BIN, [N8N_BIN, 'start'], { env: this.env(), stdio: 'pipe' });
		this.child = child;
		for (const stream of [child.stdout, child.stderr]) {
			stream?.pipe(output, { end: false });
			if (this.options.echo) stream?.pipe(process.stdout, { end: false });
		}
		const exited = new Promise<never>((_, reject) => {
			child.once('exit', (code) => reject(new Error(`n8n exited early (code ${code})`)));
		});
		await Promise.race([this.waitReady(), exited]);
	}

	private async answers(): Promise<boolean> {
		try {
			await fetch(`${this.baseUrl}/rest/settings`, { signal: AbortSignal.timeout(2000) });
			return true;
		} catch {
			return false;
		}
	}

	private async waitReady(): Promise<void> {
		const deadline = Date.now() + READY_TIMEOUT_MS;
		while (Date.now() < deadline) {
			try {
				const reply = await fetch(`${this.baseUrl}/rest/settings`);
				if (reply.ok && ((await reply.json()) as { data?: unknown }).data) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`n8n was not ready within ${READY_TIMEOUT_MS / 1000} s`);
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
