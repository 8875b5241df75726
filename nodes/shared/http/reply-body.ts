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

/*
 * A decoder used without `stream` keeps nothing between calls, so one of each serves every
 * reply: making one per reply cost more than decoding a small reply.
 */
const decoders = {
	'utf-8': new TextDecoder('utf-8', { ignoreBOM: true }),
	'utf-16le': new TextDecoder('utf-16le', { ignoreBOM: true }),
	'utf-16be': new TextDecoder('utf-16be', { ignoreBOM: true }),
};
const strictDecoders = {
	'utf-16le': new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }),
	'utf-16be': new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }),
};

/**
 * Text of a reply by its byte-order mark (UTF-8, UTF-16 LE or BE), else UTF-8. Declared encodings
 * are ignored: some servers declare UTF-16 and send UTF-8. Bytes that are not valid in the encoding
 * become U+FFFD, so a quoted error body still shows where it was broken; replies read as data
 * go through `readReplyText`, which refuses broken UTF-16 instead.
 */
export function decodeReplyText(body: Buffer): string {
	const { encoding, start } = encodingOf(body);
	return decoders[encoding].decode(body.subarray(start));
}

export type TextReply = { ok: true; value: string } | { ok: false; problem: string };

/**
 * As `decodeReplyText`, for a reply read as data: a reply marked UTF-16 by its byte-order mark
 * that is not valid UTF-16 (an odd number of bytes, a lone surrogate) was cut short or garbled on
 * the way, so it is a problem rather than text with holes. Unmarked replies are UTF-8 only by
 * assumption and keep the lenient decoding.
 */
export function readReplyText(body: Buffer, vendor: string): TextReply {
	const { encoding, start } = encodingOf(body);
	if (encoding === 'utf-8') return { ok: true, value: decodeReplyText(body) };
	try {
		return {
			ok: true,
			value: strictDecoders[encoding].decode(body.subarray(start)),
		};
	} catch {
		const why =
			(body.length - start) % 2 === 1 ? 'an odd number of bytes' : 'a broken surrogate pair';
		return {
			ok: false,
			problem: `${vendor} sent a reply marked as ${encoding.toUpperCase()} that is not valid ${encoding.toUpperCase()} (${why}): ${quoteStart(decodeReplyText(body))}`,
		};
	}
}

/** A reply's encoding by its byte-order mark (UTF-8 without one), and where its text starts. */
export function encodingOf(body: Uint8Array): {
	encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
	start: number;
} {
	if (body[0] === 0xff && body[1] === 0xfe) return { encoding: 'utf-16le', start: 2 };
	if (body[0] === 0xfe && body[1] === 0xff) return { encoding: 'utf-16be', start: 2 };
	if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)
		return { encoding: 'utf-8', start: 3 };
	return { encoding: 'utf-8', start: 0 };
}
