import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

import {
	N8N_BIN,
	N8N_DIR,
	N8N_VERSION,
	NODE_BIN,
	NODE_DIR,
	NODE_HEADERS_DIR,
	NODE_PACKAGE,
	NODE_PACKAGE_DIR,
	NODE_VERSION,
} from './layout';

type Manifest = Record<string, unknown>;

const nodeManifest: Manifest = {
	name: 'runtime-node',
	private: true,
	dependencies: { [NODE_PACKAGE]: NODE_VERSION },
};

const n8nManifest: Manifest = {
	name: 'runtime-n8n',
	private: true,
	dependencies: { n8n: N8N_VERSION },
	// Its install script downloads a binary from outside the npm registry; n8n runs without it.
	allowScripts: { '@confluentinc/kafka-javascript': false },
};

/** The environment that makes npm and node-gyp use Node 24 rather than the machine's Node. */
export function node24Env(): NodeJS.ProcessEnv {
	return {
		...process.env,
		PATH: `${dirname(NODE_BIN)}${delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: NODE_HEADERS_DIR,
	};
}

function installedManifest(dir: string): string | undefined {
	const marker = join(dir, '.installed.json');
	return existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
}

function installOnce(
	label: string,
	dir: string,
	manifest: Manifest,
	binary: string,
	env: NodeJS.ProcessEnv,
): void {
	const wanted = JSON.stringify(manifest, null, 2);
	if (existsSync(binary) && installedManifest(dir) === wanted) return;
	console.log(`Installing ${label} into ${dir} (first time only, a few minutes)…`);
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), wanted);
	const started = Date.now();
	const result = spawnSync('npm', ['install', '--no-fund', '--no-audit', '--loglevel=error'], {
		cwd: dir,
		env,
		stdio: 'inherit',
	});
	if (result.status !== 0 || !existsSync(binary)) {
		throw new Error(`Installing ${label} failed (npm exit code ${result.status ?? 'none'})`);
	}
	writeFileSync(join(dir, '.installed.json'), wanted);
	console.log(`${label} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * node-gyp wants `common.gypi` at the top of `nodedir` and the headers under include/node; the
 * registry package has both under include/node.
 */
function prepareHeaders(): void {
	rmSync(NODE_HEADERS_DIR, { recursive: true, force: true });
	mkdirSync(NODE_HEADERS_DIR, { recursive: true });
	const include = join(NODE_PACKAGE_DIR, 'include');
	symlinkSync(include, join(NODE_HEADERS_DIR, 'include'), 'dir');
	symlinkSync(join(include, 'node', 'common.gypi'), join(NODE_HEADERS_DIR, 'common.gypi'));
}

export function ensureNode24(): void {
	installOnce(`Node ${NODE_VERSION}`, NODE_DIR, nodeManifest, NODE_BIN, process.env);
	if (!existsSync(join(NODE_HEADERS_DIR, 'common.gypi'))) prepareHeaders();
}

/** Installs Node 24 and the pinned n8n into .runtime/ unless they are already there. */
export function ensureRuntime(): void {
	ensureNode24();
	installOnce(`n8n ${N8N_VERSION}`, N8N_DIR, n8nManifest, N8N_BIN, node24Env());
}
