/**
 * One decoder measurement in a fresh process, so its peak memory is its own:
 * `tsx bench/decoder-child.ts <ours|soap> <reply file> <wsdl file> <runs>` prints one JSON line.
 */
import { readFileSync } from 'node:fs';

import * as soap from 'soap';

import { readSoapReply } from '../nodes/OneCConnect/transport/soap-envelope';

async function decoderOf(which: string, wsdlPath: string): Promise<(text: string) => unknown> {
	if (which === 'ours') {
		return (text) => {
			const reply = readSoapReply(text, 'ClientRead');
			if (reply.kind !== 'result') throw new Error(`decoded a ${reply.kind} reply`);
			return reply.resultData;
		};
	}
	const client = await soap.createClientAsync(wsdlPath);
	const wsdl = (client as unknown as { wsdl: { xmlToObject(xml: string): unknown } }).wsdl;
	return (text) => wsdl.xmlToObject(text);
}

async function main() {
	const [which, replyPath, wsdlPath, runsText] = process.argv.slice(2);
	const decode = await decoderOf(which, wsdlPath);
	const text = readFileSync(replyPath, 'utf8');
	global.gc?.();
	const rssBefore = process.memoryUsage().rss;
	const times: number[] = [];
	let refused: string | undefined;
	for (let run = 0; run < Number(runsText); run++) {
		const begin = performance.now();
		try {
			decode(text);
		} catch (error) {
			refused = (error as Error).message.slice(0, 120);
			break;
		}
		times.push(performance.now() - begin);
	}
	const peakRss = process.resourceUsage().maxRSS * 1024;
	process.stdout.write(
		`${JSON.stringify({ times, refused, rssBefore, peakRss, peakAddedBytes: peakRss - rssBefore })}\n`,
	);
}

void main();
