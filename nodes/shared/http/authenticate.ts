import type { IHttpRequestOptions } from 'n8n-workflow';

/*
 * The credentials' `authenticate` are functions rather than n8n's generic objects: n8n evaluates
 * each expression of a generic object on every request, about a millisecond each, which was most
 * of a request's cost to the node. As n8n's own function-form credentials do, they set their
 * fields on the options they are given (made for each attempt) instead of copying them.
 */

export function withBasicAuth(
	options: IHttpRequestOptions,
	username: unknown,
	password: unknown,
): IHttpRequestOptions {
	options.auth = { username: String(username ?? ''), password: String(password ?? '') };
	return options;
}

export function withHeaders(
	options: IHttpRequestOptions,
	headers: Record<string, string>,
): IHttpRequestOptions {
	options.headers = { ...options.headers, ...headers };
	return options;
}
