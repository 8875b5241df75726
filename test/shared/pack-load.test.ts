import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';

import 'n8n-workflow';

const root = resolve(__dirname, '..', '..');
const load = createRequire(__filename);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).n8n as {
	nodes: string[];
	credentials: string[];
};

/** As the harness: the built file with `--built`, else the TypeScript source it is built from. */
const fileOf = (distPath: string) =>
	process.env.N8N_HARNESS_LOAD === 'dist'
		? join(root, distPath)
		: join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

const loaded = (pattern: RegExp) => Object.keys(load.cache).filter((path) => pattern.test(path));
const XML_PARSER = /[\\/]node_modules[\\/]saxes[\\/]/;
const QUEUE_LIBRARIES = /[\\/]node_modules[\\/](ioredis|rate-limiter-flexible)[\\/]/;

// Each test file runs in its own process, so the module cache holds what this file loaded.
describe('Loading the pack', () => {
	test("the pack reads XML with its own tokenizer: saxes (the tests' oracle) is never loaded", () => {
		for (const file of [...manifest.nodes, ...manifest.credentials]) load(fileOf(file));
		const { readUntrustedXml } = load(fileOf('dist/nodes/shared/xml/untrusted-xml.js'));
		assert.deepEqual(readUntrustedXml('<a>1</a>', 'Test'), { ok: true, value: { a: '1' } });
		assert.deepEqual(loaded(XML_PARSER), []);
	});

	test('outside queue mode, loading the pack and limiting requests loads neither ioredis nor rate-limiter-flexible', async () => {
		assert.notEqual(process.env.EXECUTIONS_MODE, 'queue');
		for (const file of [...manifest.nodes, ...manifest.credentials]) load(fileOf(file));
		const { SlidingWindowLimiter } = load(fileOf('dist/nodes/shared/http/rate-limiter.js'));
		const { buckets } = load(fileOf('dist/nodes/Bitrix24/transport/leaky-bucket.js'));
		const done = await new SlidingWindowLimiter(10, 1_000).acquire('key');
		done();
		await buckets.standard.acquire('portal');
		assert.deepEqual(loaded(QUEUE_LIBRARIES), []);
	});
});
