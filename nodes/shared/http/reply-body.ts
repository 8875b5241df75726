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
		return { ok: false, problem: `${vendor} sent a reply that is not valid JSON: ${quoteStart(clean)}` };
	}
}
