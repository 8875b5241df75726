import type { INode } from 'n8n-workflow';

import { apiError } from '../errors/node-errors';

/**
 * The server address from a credential, trimmed and without trailing slashes; anything but an
 * http(s) address is a clear error naming the credential and an example.
 */
export function serverUrlFrom(
	/** The node, for the error: n8n copies it on every call, so it is asked for only then. */
	nodeOf: () => INode,
	value: unknown,
	credential: { vendor: string; field: string; example: string },
	itemIndex?: number,
): string {
	const url = trimServerUrl(value);
	if (/^https?:\/\/[^/\s]+/i.test(url)) return url;
	throw apiError(nodeOf(), {
		message: `The ${credential.field} in the ${credential.vendor} credential is not a web address: "${url}"`,
		description: `Write it with http:// or https://, such as ${credential.example}.`,
		itemIndex,
	});
}

/** The address without surrounding blanks and trailing slashes, for code that has no node. */
export function trimServerUrl(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/\/+$/, '');
}
