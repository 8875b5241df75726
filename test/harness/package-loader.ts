import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

const root = resolve(__dirname, '..', '..');
const requireFromHere = createRequire(__filename);
export const PACKAGE_NAME = 'n8n-nodes-ru-business';

interface PackageN8nSection {
	nodes: string[];
	credentials: string[];
}

function section(): PackageN8nSection {
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	return manifest.n8n as PackageN8nSection;
}

/**
 * The package lists dist/ files. `npm test` loads them as built (N8N_HARNESS_LOAD=dist);
 * otherwise tests load the TypeScript source they are built from.
 */
function sourceOf(distPath: string): string {
	if (process.env.N8N_HARNESS_LOAD === 'dist') return join(root, distPath);
	return join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

/**
 * A module of the pack, as the harness loads its nodes: from source, or as built, where every
 * module lives in the one bundle `dist/pack.js` (so the instance the nodes use is the bundle's).
 */
export function loadPackModule<T>(distPath: string): T {
	if (process.env.N8N_HARNESS_LOAD !== 'dist') return requireFromHere(sourceOf(distPath)) as T;
	const name = relative('dist', distPath).replace(/\.js$/, '');
	const pack = requireFromHere(join(root, 'dist', 'pack.js')) as Record<string, unknown>;
	if (pack[name] === undefined) {
		throw new Error(`dist/pack.js does not export ${name}: list it in scripts/bundle-dist.mjs`);
	}
	return pack[name] as T;
}

function loadClass<T>(distPath: string): T {
	const exported = loadPackModule<Record<string, new () => T>>(distPath);
	const classes = Object.values(exported).filter((value) => typeof value === 'function');
	if (classes.length !== 1) throw new Error(`${distPath} must export exactly one class`);
	return new classes[0]();
}

export function loadPackageNodes(): Map<string, INodeType | IVersionedNodeType> {
	const nodes = new Map<string, INodeType | IVersionedNodeType>();
	for (const path of section().nodes) {
		const node = loadClass<INodeType | IVersionedNodeType>(path);
		nodes.set(`${PACKAGE_NAME}.${node.description.name}`, node);
	}
	return nodes;
}

export function loadPackageCredentials(): Map<string, ICredentialType> {
	const credentials = new Map<string, ICredentialType>();
	for (const path of section().credentials) {
		const credential = loadClass<ICredentialType>(path);
		credentials.set(credential.name, credential);
	}
	return credentials;
}
