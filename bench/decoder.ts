import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { partnerWsdl } from '../sandbox/one-c-connect';
import { resultReply } from '../sandbox/one-c-connect/soap-reply';
import type { Goal } from './report';
import { median } from './stats';

export interface DecoderResult {
	rows: number;
	replyBytes: number;
	decoder: 'ours' | 'soap';
	/** Median wall-clock time of a decode. */
	ms?: number;
	/** Median CPU time of a decode (the whole process, GC threads included). */
	cpuMs?: number;
	peakRssBytes?: number;
	peakAddedBytes?: number;
	refused?: string;
}

const run = promisify(execFile);

/**
 * A ClientRead reply in the vendor's format, as the simulator encodes it: a ValueTable of `rows`
 * clients with 10 columns — Cyrillic and XML specials in strings, xs:dateTime, xs:decimal,
 * xs:boolean and nil. 50,000 rows are about 35 MB.
 */
export function clientReadReply(rows: number): string {
	const table = Array.from({ length: rows }, (_, index) => ({
		ClientID: `c0ffee00-0000-4000-8000-${String(index).padStart(12, '0')}`,
		Name: `ООО «Клиент ${index}» & <партнёр>`,
		INN: String(7700000000 + index),
		Balance: ((index * 37.25) % 100000) - 500,
		Active: index % 2 === 0,
		CreateTime: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString().slice(0, 19),
		Phone: `+7 495 ${String(index).padStart(7, '0')}`,
		EMail: `client${index}@example.ru`,
		Comment: index % 3 === 0 ? `VIP & "важный" 'клиент' <b>${index}</b>` : null,
		Address: `г. Москва, ул. Тверская, д. ${index % 200}, офис ${index % 50}`,
	}));
	return String(resultReply('ClientRead', 'SUCCESS', table).body);
}

/** The goal: ≥ 3× faster than the soap package, with ≤ ½ of its peak memory. */
const SPEED_GOAL = 3;
const MEMORY_GOAL = 0.5;

export function decoderGoals(results: DecoderResult[]): Goal[] {
	const sizes = [...new Set(results.map((result) => result.rows))];
	return sizes.flatMap((rows) => {
		const ours = results.find((result) => result.rows === rows && result.decoder === 'ours');
		const soap = results.find((result) => result.rows === rows && result.decoder === 'soap');
		const usable = (result?: DecoderResult) =>
			result !== undefined && !result.refused && result.cpuMs !== undefined;
		if (!usable(ours) || !usable(soap)) {
			const why = ours?.refused ?? soap?.refused ?? 'not measured';
			return [{ goal: `1C-Connect decoder at ${rows} rows`, measured: why, met: false }];
		}
		// Judged by CPU time: on a shared machine wall-clock time is stretched by the load, and more
		// for the longer run. The wall-clock ratio is shown beside it.
		const speed = soap!.cpuMs! / ours!.cpuMs!;
		const wallSpeed = soap!.ms! / ours!.ms!;
		const memory = ours!.peakAddedBytes! / soap!.peakAddedBytes!;
		return [
			{
				goal: `1C-Connect decoder ≥ ${SPEED_GOAL}× faster than soap at ${rows} rows (CPU time)`,
				measured: `${speed.toFixed(2)}× (${ours!.cpuMs!.toFixed(0)} ms vs ${soap!.cpuMs!.toFixed(0)} ms; wall ${wallSpeed.toFixed(2)}×)`,
				met: speed >= SPEED_GOAL,
			},
			{
				goal: `1C-Connect decoder ≤ ${MEMORY_GOAL} of soap's peak memory at ${rows} rows`,
				measured: `${memory.toFixed(2)} (${mb(ours!.peakAddedBytes)} vs ${mb(soap!.peakAddedBytes)})`,
				met: memory <= MEMORY_GOAL,
			},
		];
	});
}

const mb = (bytes?: number) => `${((bytes ?? 0) / 1024 / 1024).toFixed(1)} MB`;

interface ChildLine {
	times: number[];
	cpuTimes: number[];
	refused?: string;
	peakRss: number;
	peakAddedBytes: number;
}

async function measureInChild(
	decoder: 'ours' | 'soap',
	replyPath: string,
	wsdlPath: string,
	runs: number,
	warmUpPath: string,
): Promise<ChildLine> {
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
			warmUpPath,
		],
		{ timeout: 300_000, maxBuffer: 1 << 20 },
	);
	return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildLine;
}

export async function measureDecoders(sizes = [5000, 50000]): Promise<DecoderResult[]> {
	const folder = mkdtempSync(join(tmpdir(), 'bench-decoder-'));
	const wsdlPath = join(folder, 'partner.wsdl');
	writeFileSync(wsdlPath, partnerWsdl('http://127.0.0.1:1/ws/PartnerWebAPI2'));
	const warmUpPath = join(folder, 'warm-up.xml');
	writeFileSync(warmUpPath, clientReadReply(100));
	const results: DecoderResult[] = [];
	try {
		for (const rows of sizes) {
			const reply = clientReadReply(rows);
			const replyPath = join(folder, `reply-${rows}.xml`);
			writeFileSync(replyPath, reply);
			for (const decoder of ['ours', 'soap'] as const) {
				const base = { rows, replyBytes: Buffer.byteLength(reply), decoder };
				try {
					const child = async (runs: number) =>
						await measureInChild(decoder, replyPath, wsdlPath, runs, warmUpPath);
					const timed = await child(rows > 10000 ? 3 : 5);
					// Memory of one decode in a fresh process: after several, V8's young generation has
					// grown to its maximum for any decoder whose output survives, whatever it does.
					const single = await child(1);
					results.push({
						...base,
						ms: timed.times.length ? median(timed.times) : undefined,
						cpuMs: timed.cpuTimes.length ? median(timed.cpuTimes) : undefined,
						peakRssBytes: single.peakRss,
						peakAddedBytes: single.peakAddedBytes,
						refused: timed.refused ?? single.refused,
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
