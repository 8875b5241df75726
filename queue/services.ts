import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '../runtime/private-redis';

/** Debian's packages, installed when missing (CI runs as root on Debian). */
export function ensureDebianPackage(name: string, present: () => boolean): void {
	if (present()) return;
	const install = () =>
		spawnSync('apt-get', ['install', '-y', '--no-install-recommends', name], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		}).status === 0;
	if (!install()) {
		spawnSync('apt-get', ['update'], { stdio: 'inherit' });
		install();
	}
	if (!present()) throw new Error(`Could not install Debian's ${name} (apt-get install ${name})`);
}

function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

export interface PrivatePostgres {
	host: string;
	port: number;
	database: string;
	user: string;
	stop(): Promise<void>;
}

/** Runs a PostgreSQL tool as the `postgres` user when this process is root (PostgreSQL refuses root). */
function asPostgres(bin: string, tool: string, args: string[]) {
	const command = join(bin, tool);
	const asRoot = process.getuid?.() === 0;
	const result = asRoot
		? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
		: spawnSync(command, args, { encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${tool} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	}
	return result.stdout;
}

/** A throwaway PostgreSQL cluster on 127.0.0.1 with an `n8n` database, trusted locally. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
	ensureDebianPackage('postgresql', () => postgresBin() !== undefined);
	const bin = postgresBin() as string;
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'queue-postgres-'));
	const dataDir = join(dir, 'data');
	if (process.getuid?.() === 0) {
		const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
		chownSync(dir, Number(ids.stdout.trim()), Number(gid.stdout.trim()));
	}
	asPostgres(bin, 'initdb', [
		'-D',
		dataDir,
		'-U',
		'n8n',
		'--auth=trust',
		'-E',
		'UTF8',
		'--no-sync',
	]);
	asPostgres(bin, 'pg_ctl', [
		'-D',
		dataDir,
		'-l',
		join(dir, 'postgres.log'),
		'-w',
		'-o',
		`-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
		'start',
	]);
	asPostgres(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
	return {
		host: '127.0.0.1',
		port,
		database: 'n8n',
		user: 'n8n',
		stop: async () => {
			try {
				asPostgres(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		},
	};
}
