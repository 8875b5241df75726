import type { IHttpRequestOptions } from 'n8n-workflow';

/*
 * The credentials' `authenticate` are functions rather than n8n's generic objects: n8n evaluates
 * each expression of a generic object on every request, about a millisecond each, which was most
 * of a request's cost to the node.
 */

export function withBasicAuth(
	options: IHttpRequestOptions,
	username: unknown,
	password: unknown,
): IHttpRequestOptions {
	return {
		...options,
		auth: { username: String(username ?? ''), password: String(password ?? '') },
	};
}

export function withHeaders(
	options: IHttpRequestOptions,
	headers: Record<string, string>,
): IHttpRequestOptions {
	return { ...options, headers: { ...options.headers, ...headers } };
}
