import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { importGraph, importLoops } from '../support/import-graph';

const NODES = resolve(__dirname, '../../nodes');

describe('package structure: imports', () => {
	test('no file in nodes/ imports itself through others (type imports count too)', () => {
		const graph = importGraph(NODES);
		assert.ok(graph.size > 100, `only ${graph.size} files found under nodes/`);
		assert.deepEqual(importLoops(graph, NODES), []);
	});

	test('the loop finder finds a loop of three', () => {
		const graph = new Map([
			['/r/a.ts', ['/r/b.ts']],
			['/r/b.ts', ['/r/c.ts']],
			['/r/c.ts', ['/r/a.ts', '/r/d.ts']],
			['/r/d.ts', []],
		]);
		assert.deepEqual(importLoops(graph, '/r'), [['a.ts', 'b.ts', 'c.ts']]);
	});

	test('a type-only import is an edge of the graph', () => {
		const root = mkdtempSync(join(tmpdir(), 'import-loops-'));
		try {
			writeFileSync(join(root, 'a.ts'), "import type { B } from './b';\nexport type A = B[];\n");
			writeFileSync(join(root, 'b.ts'), "export type B = typeof import('./a');\n");
			assert.deepEqual(importLoops(importGraph(root), root), [['a.ts', 'b.ts']]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
