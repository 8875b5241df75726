import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

export interface PackedFile {
	path: string;
	size: number;
}

export interface PackedPackage {
	/** The files `npm pack` put in the tarball, as npm reports them. */
	files: PackedFile[];
	unpackedSize: number;
	/** The tarball unpacked as n8n's installer leaves it, with the dependencies beside it. */
	installedDir: string;
}

/** What `npm run build` reads; the copy keeps the shared dist/ untouched while others work. */
const SOURCES = [
	'nodes',
	'credentials',
	'scripts',
	'package.json',
	'tsconfig.json',
	'README.md',
	'LICENSE',
];

function run(command: string, args: string[], cwd: string): string {
	try {
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions
		return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe', timeout: 600_000 });
	} catch (error) {
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		// The build's spinner fills the output: its end holds the compiler's errors.
		const output = `${stdout}\n${stderr}`.slice(-4000);
		throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output}`);
	}
}

/**
 * Builds the package with `npm run build` in a copy of the sources, packs it with `npm pack` as
 * `npm publish` would, and unpacks the tarball.
 */
export function buildAndPack(): PackedPackage {
	const work = mkdtempSync(join(tmpdir(), 'ru-business-pack-'));
	const source = join(work, 'source');
	mkdirSync(source);
	for (const entry of SOURCES) {
		if (existsSync(join(ROOT, entry)))
			cpSync(join(ROOT, entry), join(source, entry), { recursive: true });
	}
	symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');

	run('npm', ['run', 'build'], source);

	const packDir = join(work, 'pack');
	mkdirSync(packDir);
	const report = JSON.parse(
		run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], source),
	) as Array<{ filename: string; files: PackedFile[]; unpackedSize: number }>;
	const [{ filename, files, unpackedSize }] = report;

	const installRoot = join(work, 'installed');
	mkdirSync(installRoot);
	run('tar', ['-xzf', join(packDir, filename), '-C', installRoot], work);
	const installedDir = join(installRoot, 'package');
	// n8n resolves a community package's dependencies (and its own n8n-workflow) from beside it.
	symlinkSync(join(ROOT, 'node_modules'), join(installedDir, 'node_modules'), 'dir');

	return { files, unpackedSize, installedDir };
}
