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
const fileOf = (distPath: string) =>
	process.env.N8N_HARNESS_LOAD === 'dist'
		? join(root, distPath)
		: join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
const QUEUE_LIBRARIES = /[\\/]node_modules[\\/](ioredis|rate-limiter-flexible)[\\/]/;
const loadedQueueLibraries = () =>
	Object.keys(load.cache).filter((path) => QUEUE_LIBRARIES.test(path));

// Each test file runs in its own process, so the module cache holds what this file loaded.
describe('A single-process n8n pays nothing for queue mode', () => {
	test('loading every node and credential, and limiting requests, loads neither ioredis nor rate-limiter-flexible', async () => {
		assert.notEqual(process.env.EXECUTIONS_MODE, 'queue');
		for (const file of [...manifest.nodes, ...manifest.credentials]) load(fileOf(file));
		const { SlidingWindowLimiter } = load(fileOf('dist/nodes/shared/http/rate-limiter.js'));
		const { buckets } = load(fileOf('dist/nodes/Bitrix24/transport/leaky-bucket.js'));
		const done = await new SlidingWindowLimiter(10, 1_000).acquire('key');
		done();
		await buckets.standard.acquire('portal');
		assert.deepEqual(loadedQueueLibraries(), []);
	});
});
