import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
/** The bound: a huge reply may cost at most this much more than a small one. */
const MAX_EXTRA_MB = 256;

interface Measurement {
	peakRssMb: number;
	baselineRssMb: number;
	error: string | null;
}

/** Runs one scenario of test/support/memory-probe.ts in a process of its own. */
async function measure(scenario: string): Promise<Measurement> {
	const { stdout } = await run(
		process.execPath,
		['--import', 'tsx', join('test', 'support', 'memory-probe.ts'), scenario],
		{ cwd: ROOT, env: process.env, timeout: 30_000, maxBuffer: 1024 * 1024 },
	);
	const last = stdout.trim().split('\n').pop() ?? '';
	return JSON.parse(last) as Measurement;
}

describe(
	'peak memory of a node run against an endless or 200 MB reply',
	{ timeout: 60_000 },
	() => {
		test('ATI.SU Presence Get stays within 256 MB of a run against a small reply', async () => {
			const small = await measure('ati-small');
			const endless = await measure('ati-endless');
			const big = await measure('ati-200mb');

			assert.equal(small.error, null);
			for (const [name, run] of [
				['endless', endless],
				['200 MB', big],
			] as const) {
				assert.equal(run.error, 'ATI.SU sent a reply larger than 10 MB; n8n stopped reading it');
				const extra = run.peakRssMb - small.peakRssMb;
				assert.ok(
					extra < MAX_EXTRA_MB,
					`${name}: peak ${run.peakRssMb} MB, small ${small.peakRssMb} MB (+${extra} MB)`,
				);
			}
		});

		test('Oktell Server → Get Version against an endless XML reply stays within 256 MB too', async () => {
			const small = await measure('oktell-small');
			const endless = await measure('oktell-endless');

			assert.equal(small.error, null);
			assert.match(String(endless.error), /^Oktell sent a reply larger than \d+ MB/);
			const extra = endless.peakRssMb - small.peakRssMb;
			assert.ok(
				extra < MAX_EXTRA_MB,
				`peak ${endless.peakRssMb} MB, small ${small.peakRssMb} MB (+${extra} MB)`,
			);
		});
	},
);
