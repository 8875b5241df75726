import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// ATI signs each call (ati.su/developers/api/webhooks/authentication): HMAC-SHA-256 with the
// hook's key over "<method>\n<path_and_query>\n<signed header values joined by ;>", base64,
// compared with the Signature parameter; Digest is "sha-256=" and the base64 SHA-256 of the body.
// The page's example signs Date;Digest;host:port. The search tool shows no header example on that
// page; a public summary of it gives `Authorization: HMAC-SHA-256 Credential=<id>&SignedHeaders=
// Date;Digest;Host&Signature=<base64>`. The node reads that form, honours SignedHeaders' order,
// and also takes the HTTP Signatures form `signature="<base64>"`.

export interface SignedCall {
	method: string;
	/** The URL ATI calls: the node's own webhook URL, so a proxy in front changes nothing. */
	url: string;
	date: string | undefined;
	digest: string | undefined;
	authorization: string | undefined;
	body: Buffer;
}

type SignedHeader = 'date' | 'digest' | 'host';
const DEFAULT_SIGNED_HEADERS: SignedHeader[] = ['date', 'digest', 'host'];

export function bodyDigest(body: Buffer): string {
	return `sha-256=${createHash('sha256').update(body).digest('base64')}`;
}

export function signingString(
	method: string,
	url: string,
	date: string,
	digest: string,
	headers: SignedHeader[] = DEFAULT_SIGNED_HEADERS,
): string {
	const target = new URL(url);
	const port = target.port || (target.protocol === 'https:' ? '443' : '80');
	const values = { date, digest, host: `${target.hostname}:${port}` };
	return `${method.toUpperCase()}\n${target.pathname}${target.search}\n${headers.map((name) => values[name]).join(';')}`;
}

export function sign(key: string, text: string): string {
	return createHmac('sha256', key).update(text).digest('base64');
}

/** The Signature parameter: `Signature=<base64>` (ATI's form) or `signature="<base64>"`. */
export function signatureOf(authorization: string): string | undefined {
	const match = /(?:^|[\s,&])signature=(?:"([^"]+)"|([A-Za-z0-9+/]+=*))/i.exec(authorization);
	return match?.[1] ?? match?.[2];
}

/**
 * The headers signed, in order; undefined when the call names one the node cannot check, or
 * leaves out Date or Digest (without them the signature would not cover the body or the time).
 */
export function signedHeadersOf(authorization: string): SignedHeader[] | undefined {
	const listed = /SignedHeaders=([A-Za-z;-]+)/i.exec(authorization)?.[1];
	if (!listed) return DEFAULT_SIGNED_HEADERS;
	const names = listed.split(';').map((name) => name.toLowerCase());
	const known = names.filter((name): name is SignedHeader =>
		(DEFAULT_SIGNED_HEADERS as string[]).includes(name),
	);
	const covers = known.includes('date') && known.includes('digest');
	return known.length === names.length && covers ? known : undefined;
}

/** Whether ATI signed this call with `key`; the body is checked against its Digest first. */
export function isSignedBy(key: string, call: SignedCall): boolean {
	if (!call.date || !call.digest || !call.authorization) return false;
	if (!same(call.digest, bodyDigest(call.body))) return false;
	const signature = signatureOf(call.authorization);
	const headers = signedHeadersOf(call.authorization);
	if (!signature || !headers) return false;
	const text = signingString(call.method, call.url, call.date, call.digest, headers);
	return same(signature, sign(key, text));
}

function same(a: string, b: string): boolean {
	const [x, y] = [Buffer.from(a), Buffer.from(b)];
	return x.length === y.length && timingSafeEqual(x, y);
}
