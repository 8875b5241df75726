/** A flat query: what every vendor request of the pack sends. */
export type QueryParameters = Readonly<Record<string, string | number | boolean | undefined>>;

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/**
 * A query value as n8n's own serializer writes it (the `qs` package, RFC 3986): UTF-8, every
 * byte but the unreserved ones percent-encoded in upper case. A lone surrogate becomes U+FFFD.
 */
export function encodeQueryComponent(text: string): string {
	if (UNRESERVED.test(text)) return text;
	let out = '';
	for (const byte of Buffer.from(text, 'utf8')) {
		const character = String.fromCharCode(byte);
		out +=
			byte < 0x80 && UNRESERVED.test(character)
				? character
				: `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/**
 * `url` with the query appended, as n8n's HTTP client appends `qs` (undefined values left out).
 * Built here because n8n's client costs more with a `qs` object, even an empty one: 100 ERA reads
 * at once took 2.7 ms longer with it, 100 Oktell reads 0.7 ms. A redirect is then followed to its
 * Location as given, without the query added again.
 */
export function urlWithQuery(url: string, query: QueryParameters | undefined): string {
	if (!query) return url;
	let text = '';
	for (const name in query) {
		const value = query[name];
		if (value === undefined) continue;
		text += `${text === '' ? '' : '&'}${encodeQueryComponent(name)}=${encodeQueryComponent(String(value))}`;
	}
	if (text === '') return url;
	const hash = url.indexOf('#');
	const base = hash === -1 ? url : url.slice(0, hash);
	return `${base}${base.includes('?') ? '&' : '?'}${text}`;
}
