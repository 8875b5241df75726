import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// ATI signs each call (ati.su/developers/api/webhooks/authentication): HMAC-SHA-256 with the
// hook's key over "<method>\n<path_and_query>\n<date>;<digest>;<host:port>", base64, compared
// with the Signature parameter; Digest is "sha-256=" and the base64 SHA-256 of the body. The page
// names the parameter but the search tool shows no header example: the node reads it from
// `Authorization: Signature …,signature="<base64>"` (the HTTP Signatures form), as the simulator
// sends it.

export interface SignedCall {
	method: string;
	/** The URL ATI calls: the node's own webhook URL, so a proxy in front changes nothing. */
	url: string;
	date: string | undefined;
	digest: string | undefined;
	authorization: string | undefined;
	body: Buffer;
}

export function bodyDigest(body: Buffer): string {
	return `sha-256=${createHash('sha256').update(body).digest('base64')}`;
}

export function signingString(method: string, url: string, date: string, digest: string): string {
	const target = new URL(url);
	const port = target.port || (target.protocol === 'https:' ? '443' : '80');
	return `${method.toUpperCase()}\n${target.pathname}${target.search}\n${date};${digest};${target.hostname}:${port}`;
}

export function sign(key: string, text: string): string {
	return createHmac('sha256', key).update(text).digest('base64');
}

/** Whether ATI signed this call with `key`; the body is checked against its Digest first. */
export function isSignedBy(key: string, call: SignedCall): boolean {
	if (!call.date || !call.digest || !call.authorization) return false;
	if (!same(call.digest, bodyDigest(call.body))) return false;
	const signature = /signature="([^"]+)"/i.exec(call.authorization)?.[1];
	if (!signature) return false;
	return same(signature, sign(key, signingString(call.method, call.url, call.date, call.digest)));
}

function same(a: string, b: string): boolean {
	const [x, y] = [Buffer.from(a), Buffer.from(b)];
	return x.length === y.length && timingSafeEqual(x, y);
}
