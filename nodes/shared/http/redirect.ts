import type { ReplyHead } from './reply-head';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 5;

export type RedirectStep =
	| { kind: 'none' }
	| { kind: 'follow'; url: string }
	/** Where the reply pointed: its origin only, since a path may carry secrets. */
	| {
			kind: 'refuse';
			reason: 'other-origin' | 'method-change' | 'no-location' | 'spent-body';
			target: string;
	  };

/**
 * What to do with a redirect. Credentials go only where they were meant to go: a redirect is
 * followed on the same origin (or from http to https on the same host and default ports), never
 * to another origin. A write is followed only by 307/308, which keep the method and the body.
 */
export function redirectStep(reply: ReplyHead, currentUrl: string, method: string): RedirectStep {
	if (!REDIRECT_STATUSES.has(reply.statusCode)) return { kind: 'none' };
	const location = reply.headers.location;
	const text = Array.isArray(location) ? location[0] : location;
	let target: URL;
	try {
		if (!text) throw new Error('no location');
		target = new URL(text, currentUrl);
	} catch {
		return { kind: 'refuse', reason: 'no-location', target: '' };
	}
	const from = new URL(currentUrl);
	if (!sameServer(from, target)) {
		return { kind: 'refuse', reason: 'other-origin', target: target.origin };
	}
	const keepsMethod = reply.statusCode === 307 || reply.statusCode === 308;
	const read = ['GET', 'HEAD'].includes(method.toUpperCase());
	if (!keepsMethod && !read) {
		return { kind: 'refuse', reason: 'method-change', target: target.origin };
	}
	return { kind: 'follow', url: target.href };
}

function sameServer(from: URL, to: URL): boolean {
	if (from.origin === to.origin) return true;
	const upgrade = from.protocol === 'http:' && to.protocol === 'https:';
	return upgrade && from.hostname === to.hostname && from.port === '' && to.port === '';
}
