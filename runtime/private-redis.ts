import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivateRedis {
	host: string;
	port: number;
	stop(): Promise<void>;
}

function hasRedisServer(): boolean {
	return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Debian's `redis-server`, installed if missing; a reason when it cannot be. */
export function ensureRedisServer(): string | undefined {
	if (hasRedisServer()) return undefined;
	const install = () =>
		spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], {
			stdio: 'ignore',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		}).status === 0;
	if (!install()) {
		spawnSync('apt-get', ['update'], { stdio: 'ignore' });
		install();
	}
	return hasRedisServer()
		? undefined
		: 'redis-server is not installed and `apt-get install redis-server` failed (needs root and a Debian package source)';
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

async function answers(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.write('PING\r\n');
		});
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
	});
}

/** A throwaway Redis on 127.0.0.1: no disk persistence, its own directory, stopped by `stop`. */
export async function startPrivateRedis(port?: number): Promise<PrivateRedis> {
	const chosen = port ?? (await freePort());
	const dir = mkdtempSync(join(tmpdir(), 'private-redis-'));
	const child: ChildProcess = spawn(
		'redis-server',
		[
			'--bind',
			'127.0.0.1',
			'--port',
			String(chosen),
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--protected-mode',
			'yes',
		],
		{ stdio: 'ignore' },
	);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	for (let waited = 0; !(await answers(chosen)); waited += 50) {
		if (waited > 20_000 || child.exitCode !== null) {
			child.kill('SIGKILL');
			throw new Error(`redis-server did not start on 127.0.0.1:${chosen}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return {
		host: '127.0.0.1',
		port: chosen,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
