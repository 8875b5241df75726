import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { partnerWsdl } from '../sandbox/one-c-connect';
import { resultReply } from '../sandbox/one-c-connect/soap-reply';
import { median } from './stats';

export interface DecoderResult {
	rows: number;
	replyBytes: number;
	decoder: 'ours' | 'soap';
	ms?: number;
	peakRssBytes?: number;
	peakAddedBytes?: number;
	refused?: string;
}

const run = promisify(execFile);

/** A ClientRead reply: a ValueTable of `rows` clients with 10 columns, as the simulator encodes it. */
export function clientReadReply(rows: number): string {
	const table = Array.from({ length: rows }, (_, index) => ({
		ClientID: `c0ffee00-0000-4000-8000-${String(index).padStart(12, '0')}`,
		Name: `ООО «Клиент ${index}»`,
		INN: String(7700000000 + index),
		KPP: '770001001',
		FullName: `Общество с ограниченной ответственностью «Клиент ${index}»`,
		Phone: `+7 495 ${String(index).padStart(7, '0')}`,
		EMail: `client${index}@example.ru`,
		Address: `г. Москва, ул. Тверская, д. ${index % 200}`,
		Comment: index % 3 === 0 ? 'VIP & <важный>' : '',
		CreateTime: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString().slice(0, 19),
	}));
	return String(resultReply('ClientRead', 'SUCCESS', table).body);
}

export async function measureDecoders(sizes = [5000, 50000]): Promise<DecoderResult[]> {
	const folder = mkdtempSync(join(tmpdir(), 'bench-decoder-'));
	const wsdlPath = join(folder, 'partner.wsdl');
	writeFileSync(wsdlPath, partnerWsdl('http://127.0.0.1:1/ws/PartnerWebAPI2'));
	const results: DecoderResult[] = [];
	try {
		for (const rows of sizes) {
			const reply = clientReadReply(rows);
			const replyPath = join(folder, `reply-${rows}.xml`);
			writeFileSync(replyPath, reply);
			for (const decoder of ['ours', 'soap'] as const) {
				const runs = rows > 10000 ? 1 : 3;
				const base = { rows, replyBytes: Buffer.byteLength(reply), decoder };
				try {
					const { stdout } = await run(
						process.execPath,
						[
							'--expose-gc',
							'--import',
							'tsx',
							join(__dirname, 'decoder-child.ts'),
							decoder,
							replyPath,
							wsdlPath,
							String(runs),
						],
						{ timeout: 120_000, maxBuffer: 1 << 20 },
					);
					const line = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
						times: number[];
						refused?: string;
						peakRss: number;
						peakAddedBytes: number;
					};
					results.push({
						...base,
						ms: line.times.length ? median(line.times) : undefined,
						peakRssBytes: line.peakRss,
						peakAddedBytes: line.peakAddedBytes,
						refused: line.refused,
					});
				} catch (error) {
					results.push({
						...base,
						refused: `child failed: ${(error as Error).message.slice(0, 100)}`,
					});
				}
			}
		}
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
	return results;
}
