import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8N_DIR, PACK_DIR, PROJECT_ROOT } from './layout';

export const PACKAGE_NAME = 'n8n-nodes-ru-business';

function run(command: string, args: string[], cwd: string): string {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stderr}`);
	}
	return result.stdout;
}

/** Packs the built package (dist/ must be fresh) the way it would be published to npm. */
export function packPackage(): string {
	rmSync(PACK_DIR, { recursive: true, force: true });
	mkdirSync(PACK_DIR, { recursive: true });
	const [packed] = JSON.parse(
		run('npm', ['pack', '--json', '--pack-destination', PACK_DIR], PROJECT_ROOT),
	) as Array<{ filename: string }>;
	return join(PACK_DIR, packed.filename);
}

/**
 * Installs the packed package where n8n keeps community packages (<user folder>/.n8n/nodes), as
 * n8n's own installer does: production dependencies only, `n8n-workflow` left to n8n.
 */
export function installPackInto(dataDir: string, tarball: string): void {
	const nodesDir = join(dataDir, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	const manifest = join(nodesDir, 'package.json');
	if (!existsSync(manifest)) {
		writeFileSync(
			manifest,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	}
	run(
		'npm',
		[
			'install',
			tarball,
			'--omit=dev',
			'--omit=peer',
			'--prefer-offline',
			'--no-fund',
			'--no-audit',
			'--loglevel=error',
		],
		nodesDir,
	);
	// The project's own node_modules sits above the user folder; n8n's copy of n8n-workflow must
	// win, as it does for a user whose community packages cannot see any other copy.
	const workflowLink = join(nodesDir, 'node_modules', 'n8n-workflow');
	rmSync(workflowLink, { recursive: true, force: true });
	symlinkSync(join(N8N_DIR, 'node_modules', 'n8n-workflow'), workflowLink, 'dir');
}

export function installedVersion(dataDir: string): string | undefined {
	const path = join(dataDir, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME, 'package.json');
	return existsSync(path)
		? (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version
		: undefined;
}
