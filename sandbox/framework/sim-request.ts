import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

import type { SimRequest } from './types';

export class InvalidJsonError extends Error {
	constructor(reason: string) {
		super(`Request body is not valid JSON: ${reason}`);
		this.name = 'InvalidJsonError';
	}
}

export interface RequestTarget {
	path: string;
	rawQuery: string;
}

export function readTarget(rawUrl = '/'): RequestTarget {
	const queryStart = rawUrl.indexOf('?');
	if (queryStart === -1) return { path: rawUrl, rawQuery: '' };
	return { path: rawUrl.slice(0, queryStart), rawQuery: rawUrl.slice(queryStart + 1) };
}

export async function readBody(message: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of message) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}

export function createSimRequest(
	method: string,
	target: RequestTarget,
	headers: Record<string, string>,
	body: Buffer,
	remoteAddress?: string,
	signal?: AbortSignal,
): SimRequest {
	const text = () => body.toString('utf8');
	return {
		method,
		path: target.path,
		query: new URLSearchParams(target.rawQuery),
		headers,
		body,
		remoteAddress,
		signal,
		text,
		json() {
			const source = text();
			if (source.trim() === '') throw new InvalidJsonError('the body is empty');
			try {
				return JSON.parse(source) as unknown;
			} catch (error) {
				throw new InvalidJsonError((error as Error).message);
			}
		},
	};
}
