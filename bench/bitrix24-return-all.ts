import { startBitrix24 } from '../test/bitrix24/bitrix24-fixture';
import type { Goal } from './report';

const ROWS = 10_000;
/** ⌈10,000 / 2,500⌉ + 1: four full batches of 50 pages and one that finds the end. */
const MOST_REQUESTS = Math.ceil(ROWS / 2_500) + 1;

interface Measured {
	path: string;
	rows: number;
	requests: number;
	ms: number;
}

/**
 * Return All over 10,000 deals on a Standard-plan portal (the simulator's leaky bucket: 2
 * requests a second, bursts of 50): the CRM Get Many (`>ID` chain) and Method Call (`start=`
 * pages after the first page's total). Reading page by page took 200 requests.
 */
export async function bitrix24ReturnAllPart(section: (title: string) => void): Promise<Goal[]> {
	section(`Bitrix24 Return All over ${ROWS.toLocaleString('en')} deals (Standard plan)`);
	process.stderr.write('… bitrix24 return all\n');
	const b24 = await startBitrix24();
	const measured: Measured[] = [];
	try {
		const runs: Array<[string, Record<string, unknown>]> = [
			['Deal → Get Many (>ID chain)', { resource: 'deal', operation: 'getAll', returnAll: true }],
			[
				'Method → Call crm.deal.list (start= pages)',
				{
					resource: 'method',
					operation: 'call',
					method: 'crm.deal.list',
					returnAll: true,
					options: { readOnly: true },
				},
			],
		];
		for (const [path, parameters] of runs) {
			b24.simulator.reset();
			b24.simulator.portal.setDealCount(ROWS);
			const started = Date.now();
			const result = await b24.harness.runNode(b24.node(parameters as never));
			if (result.error) throw result.error;
			measured.push({
				path,
				rows: result.items.length,
				requests: b24.restCalls().length,
				ms: Date.now() - started,
			});
		}
	} finally {
		await b24.stop();
	}
	process.stdout.write(
		[
			'| Path | Rows | Requests | Time |',
			'| --- | ---: | ---: | ---: |',
			...measured.map((row) => `| ${row.path} | ${row.rows} | ${row.requests} | ${row.ms} ms |`),
			`| Page by page (before) | ${ROWS} | ${ROWS / 50} | ≈ 75 s at 2 requests/s after a burst of 50 |`,
		].join('\n') + '\n',
	);
	return measured.map((row) => ({
		goal: `Bitrix24 ${row.path}: ${ROWS} rows in at most ${MOST_REQUESTS} requests`,
		measured: `${row.rows} rows, ${row.requests} requests, ${row.ms} ms`,
		met: row.rows === ROWS && row.requests <= MOST_REQUESTS,
	}));
}
