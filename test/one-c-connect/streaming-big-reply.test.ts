import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const ROWS = 50_000;
/**
 * What the 50,000-row run may cost above a one-row run: the items themselves (n8n keeps them, and
 * the harness copies them into run data) and no copy of the 30 MB reply as a tree. A decoder that
 * built the tree first took far more.
 */
const MAX_EXTRA_MB = 300;

interface Probe {
	rows: number;
	replyBytes: number;
	items: number;
	first: unknown;
	last: unknown;
	peakRssMb: number;
	baselineRssMb: number;
	error: string | null;
}

/** Runs the node against a reply of `rows` clients in a process of its own. */
async function probe(rows: number): Promise<Probe> {
	const { stdout } = await run(
		process.execPath,
		[
			'--expose-gc',
			'--import',
			'tsx',
			join('test', 'one-c-connect', 'streaming-big-reply.probe.ts'),
			String(rows),
		],
		{ cwd: ROOT, env: process.env, timeout: 300_000, maxBuffer: 1024 * 1024 },
	);
	return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Probe;
}

describe('1C-Connect: a ClientRead of 50,000 clients (no paging exists for it)', () => {
	test(
		'passes through the node as 50,000 typed items, with memory bounded',
		{ timeout: 600_000 },
		async (t) => {
			const small = await probe(1);
			const big = await probe(ROWS);

			assert.equal(small.error, null);
			assert.equal(big.error, null);
			assert.ok(
				big.replyBytes > 20 * 1024 * 1024,
				`${big.replyBytes} bytes: past the old 20 MB bound`,
			);
			assert.equal(big.items, ROWS);
			assert.deepEqual(big.first, {
				ClientID: 'c0ffee00-0000-4000-8000-000000000000',
				Name: 'ООО «Клиент 0» & <партнёр>',
				INN: '7700000000',
				Balance: 0.25,
				Active: true,
				CreateTime: '2024-01-01T09:30:00',
				Phone: '+7 495 0000000',
				EMail: 'client0@example.ru',
				Comment: 'VIP & "важный"',
				Address: 'г. Москва, ул. Тверская, д. 0',
			});
			assert.deepEqual(big.last, {
				ClientID: 'c0ffee00-0000-4000-8000-000000049999',
				Name: 'ООО «Клиент 49999» & <партнёр>',
				INN: '7700049999',
				Balance: 49999.25,
				Active: false,
				CreateTime: '2024-01-01T09:30:00',
				Phone: '+7 495 0049999',
				EMail: 'client49999@example.ru',
				Comment: null,
				Address: 'г. Москва, ул. Тверская, д. 199',
			});
			const extra = big.peakRssMb - big.baselineRssMb - (small.peakRssMb - small.baselineRssMb);
			t.diagnostic(
				`a ${Math.round(big.replyBytes / 1e6)} MB reply: peak RSS +${extra} MB over one row`,
			);
			assert.ok(extra < MAX_EXTRA_MB, `peak RSS +${extra} MB over a one-row run`);
		},
	);
});
