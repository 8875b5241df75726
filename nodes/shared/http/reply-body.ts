const QUOTE_LENGTH = 200;

/** The first characters of a reply, on one line, for error messages. */
export function quoteStart(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat === '') return '(empty body)';
	return flat.length > QUOTE_LENGTH ? `"${flat.slice(0, QUOTE_LENGTH)}…"` : `"${flat}"`;
}

export type JsonReply = { ok: true; value: unknown } | { ok: false; problem: string };

/** Deeper than any vendor reply; bounds the recursion of everything that walks the value later. */
export const MAX_JSON_DEPTH = 64;

/** How deeply arrays and objects nest, counted outside strings, stopping past `limit`. */
function nestingDepth(text: string, limit: number): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const char = text.charCodeAt(i);
		if (inString) {
			if (char === 0x5c) i++;
			else if (char === 0x22) inString = false;
		} else if (char === 0x22) inString = true;
		else if (char === 0x7b || char === 0x5b) {
			depth++;
			if (depth > deepest && (deepest = depth) > limit) return deepest;
		} else if (char === 0x7d || char === 0x5d) depth--;
	}
	return deepest;
}

/** Parses a JSON reply; when it is not JSON, or nests too deeply, says so and quotes its start. */
export function parseJsonReply(text: string, vendor: string): JsonReply {
	const clean = text.replace(/^\uFEFF/, '');
	if (nestingDepth(clean, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
		return {
			ok: false,
			problem: `${vendor} sent JSON nested deeper than ${MAX_JSON_DEPTH} levels, which is refused: ${quoteStart(clean)}`,
		};
	}
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
