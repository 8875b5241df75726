// Runs 1C-Connect Client → Get Many against a ClientRead reply of N clients, in a process of its
// own, so its peak memory is its own:
//   node --expose-gc --import tsx test/one-c-connect/streaming-big-reply.probe.ts <rows>
// prints {"rows", "replyBytes", "items", "first", "last", "peakRssMb", "baselineRssMb", "error"}.
// The reply is built as bytes before the baseline; RSS is sampled every 10 ms during the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { respond, startHostileServer } from '../support/hostile-server';
import { bigClientRead } from './streaming-big-reply.fixture';

const MB = 1024 * 1024;

async function main(rows: number): Promise<void> {
	const reply = bigClientRead(rows);
	const server = await startHostileServer(
		respond(200, reply, { 'Content-Type': 'text/xml; charset=utf-8' }),
	);
	const { N8nHarness } = await import('../harness/n8n-harness');
	const harness = new N8nHarness();
	const credential = harness.addCredential('oneCConnectApi', {
		region: 'custom',
		customUrl: `${server.url}/cus/ws/PartnerWebAPI2`,
		login: 'probe-login',
		password: 'PLACEHOLDER-probe',
	});
	global.gc?.();
	const baseline = process.memoryUsage.rss();
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
	try {
		const result = await harness.runNode(
			{
				type: 'oneCConnect',
				parameters: { resource: 'client', operation: 'getMany', returnAll: true },
				credentials: { oneCConnectApi: credential },
			},
			[{}],
		);
		peak = Math.max(peak, process.memoryUsage.rss());
		process.stdout.write(
			`${JSON.stringify({
				rows,
				replyBytes: reply.length,
				items: result.items.length,
				first: result.items[0]?.json,
				last: result.items[result.items.length - 1]?.json,
				peakRssMb: Math.round(peak / MB),
				baselineRssMb: Math.round(baseline / MB),
				error: result.error?.message ?? null,
			})}\n`,
		);
	} finally {
		clearInterval(sampler);
		await server.close();
	}
}

/** Run outside scripts/run-tests.mjs, n8n would keep its settings in the home folder. */
function ownUserFolder(): string | undefined {
	if (process.env.N8N_USER_FOLDER) return undefined;
	const folder = mkdtempSync(join(tmpdir(), 'big-reply-probe-'));
	process.env.N8N_USER_FOLDER = folder;
	process.env.N8N_ENCRYPTION_KEY ??= 'big-reply-probe-only-key';
	process.env.N8N_LOG_LEVEL ??= 'silent';
	return folder;
}

const userFolder = ownUserFolder();
main(Number(process.argv[2])).then(
	() => {
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
		process.exit(0);
	},
	(error: unknown) => {
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
		process.stderr.write(
			`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(2);
	},
);
