import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

import { median } from './stats';

export interface PackLoad {
	samples: number;
	medianMs?: number;
	minMs?: number;
	maxMs?: number;
	/** Packages from node_modules loaded by the pack, with the bytes of their files loaded. */
	eagerPackages: Array<{ name: string; files: number; bytes: number }>;
	/** The pack's own largest files loaded. */
	largestOwnFiles: Array<{ file: string; bytes: number }>;
	ownFiles: number;
	note?: string;
}

const root = join(__dirname, '..');
const run = promisify(execFile);

function packageOf(path: string): string {
	const tail = path.split('/node_modules/').pop() ?? path;
	const parts = tail.split('/');
	return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

function eagerModules(loaded: string[]) {
	const packages = new Map<string, { name: string; files: number; bytes: number }>();
	const own: Array<{ file: string; bytes: number }> = [];
	for (const path of loaded) {
		const bytes = statSync(path).size;
		if (path.includes('/node_modules/')) {
			const name = packageOf(path);
			const entry = packages.get(name) ?? { name, files: 0, bytes: 0 };
			entry.files++;
			entry.bytes += bytes;
			packages.set(name, entry);
		} else own.push({ file: relative(root, path), bytes });
	}
	return {
		eagerPackages: [...packages.values()].sort((a, b) => b.bytes - a.bytes),
		largestOwnFiles: own.sort((a, b) => b.bytes - a.bytes).slice(0, 5),
		ownFiles: own.length,
	};
}

/** The median of `samples` fresh `node` processes each requiring every node and credential file. */
export async function measurePackLoad(samples = 15): Promise<PackLoad> {
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).n8n as {
		nodes: string[];
		credentials: string[];
	};
	const missing = [...manifest.nodes, ...manifest.credentials].filter(
		(file) => !existsSync(join(root, file)),
	);
	if (missing.length > 0) {
		return {
			samples: 0,
			eagerPackages: [],
			largestOwnFiles: [],
			ownFiles: 0,
			note: `build first: ${missing.length} listed files missing from dist/`,
		};
	}
	const times: number[] = [];
	let loaded: string[] = [];
	for (let sample = 0; sample < samples; sample++) {
		const { stdout } = await run(process.execPath, [join(__dirname, 'pack-load-child.cjs')], {
			cwd: root,
			maxBuffer: 8 << 20,
		});
		const line = JSON.parse(stdout) as { ms: number; loaded: string[] };
		times.push(line.ms);
		loaded = line.loaded;
	}
	return {
		samples,
		medianMs: median(times),
		minMs: Math.min(...times),
		maxMs: Math.max(...times),
		...eagerModules(loaded),
		note: `dist/ as built ${statSync(join(root, manifest.nodes[0])).mtime.toISOString()}`,
	};
}
