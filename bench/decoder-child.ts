/**
 * One decoder measurement in a fresh process, so its peak memory is its own:
 * `tsx bench/decoder-child.ts <ours|soap> <reply file> <wsdl file> <runs> <warm-up reply file>`
 * prints one JSON line.
 * Both start from the same reply bytes on disk, and the time includes reading them. Ours gets them
 * in 64 KiB pieces, as the transport gets them from the socket, and decodes each piece as it
 * comes; the soap package takes the reply as one string, as its client does. The baseline is
 * taken with the decoder loaded and before the reply is read, so what each holds of the reply
 * counts for it. Each first decodes a small reply, uncounted, so that neither pays for loading its
 * code in the figures (a running n8n has it loaded after its first reply). The bench takes the
 * times from a run of several decodes and the peak memory from a run of one.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

import * as soap from 'soap';

import { SoapReplyReader } from '../nodes/OneCConnect/transport/soap-reply-reader';

const PIECE = 64 * 1024;

async function decoderOf(which: string, wsdlPath: string): Promise<(path: string) => number> {
	if (which === 'ours') {
		return (path) => {
			const reader = new SoapReplyReader('ClientRead');
			const file = openSync(path, 'r');
			try {
				for (;;) {
					const piece = Buffer.allocUnsafe(PIECE);
					const length = readSync(file, piece, 0, PIECE, null);
					if (length === 0) break;
					reader.writeBytes(piece.subarray(0, length));
				}
			} finally {
				closeSync(file);
			}
			reader.end();
			const reply = reader.reply();
			if (reply.kind !== 'result') throw new Error(`decoded a ${reply.kind} reply`);
			return (reply.resultData as unknown[]).length;
		};
	}
	const client = await soap.createClientAsync(wsdlPath);
	const wsdl = (client as unknown as { wsdl: { xmlToObject(xml: string): unknown } }).wsdl;
	return (path) => {
		const decoded = wsdl.xmlToObject(readFileSync(path, 'utf8')) as {
			Body: { ClientReadResponse: { return: { Property: Array<{ Value: { row: unknown[] } }> } } };
		};
		return decoded.Body.ClientReadResponse.return.Property[1].Value.row.length;
	};
}

async function main() {
	const [which, replyPath, wsdlPath, runsText, warmUpPath] = process.argv.slice(2);
	const decode = await decoderOf(which, wsdlPath);
	decode(warmUpPath);
	global.gc?.();
	const rssBefore = process.memoryUsage().rss;
	const times: number[] = [];
	/** CPU time of the whole process (GC threads included): what a loaded machine cannot inflate. */
	const cpuTimes: number[] = [];
	let rows = 0;
	let refused: string | undefined;
	for (let run = 0; run < Number(runsText); run++) {
		global.gc?.();
		const begin = performance.now();
		const cpuBegin = process.cpuUsage();
		try {
			rows = decode(replyPath);
		} catch (error) {
			refused = (error as Error).message.slice(0, 120);
			break;
		}
		times.push(performance.now() - begin);
		const cpu = process.cpuUsage(cpuBegin);
		cpuTimes.push((cpu.user + cpu.system) / 1000);
	}
	const peakRss = process.resourceUsage().maxRSS * 1024;
	process.stdout.write(
		`${JSON.stringify({ times, cpuTimes, rows, refused, rssBefore, peakRss, peakAddedBytes: peakRss - rssBefore })}\n`,
	);
}

void main();
