const QUOTE_LENGTH = 200;

/** The first characters of a reply, on one line, for error messages. */
export function quoteStart(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat === '') return '(empty body)';
	return flat.length > QUOTE_LENGTH ? `"${flat.slice(0, QUOTE_LENGTH)}…"` : `"${flat}"`;
}

export type JsonReply = { ok: true; value: unknown } | { ok: false; problem: string };

/** Parses a JSON reply; when it is not JSON, says so and quotes its start. */
export function parseJsonReply(text: string, vendor: string): JsonReply {
	const clean = text.replace(/^\uFEFF/, '');
	try {
		return { ok: true, value: JSON.parse(clean) };
	} catch {
		return {
			ok: false,
			problem: `${vendor} sent a reply that is not valid JSON: ${quoteStart(clean)}`,
		};
	}
}

/**
 * Text of a reply by its byte-order mark (UTF-8, UTF-16 LE or BE), else UTF-8. Declared encodings
 * are ignored: some servers declare UTF-16 and send UTF-8.
 */
export function decodeReplyText(body: Buffer): string {
	if (body[0] === 0xff && body[1] === 0xfe) return body.subarray(2).toString('utf16le');
	if (body[0] === 0xfe && body[1] === 0xff) {
		const swapped = Buffer.from(body.subarray(2));
		return swapped.swap16().toString('utf16le');
	}
	if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)
		return body.subarray(3).toString('utf8');
	return body.toString('utf8');
}
