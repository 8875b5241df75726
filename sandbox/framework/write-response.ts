import type { ServerResponse } from 'node:http';

import type { SimResponse } from './types';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function writeResponse(res: ServerResponse, response: SimResponse): void {
	if (res.destroyed || res.writableEnded) return;

	const { payload, contentType } = encodeBody(response.body);
	const headers = lowercaseKeys(response.headers ?? {});
	if (contentType && !('content-type' in headers)) headers['content-type'] = contentType;

	res.writeHead(response.status, headers);
	res.end(payload);
}

export function encodeBody(body: SimResponse['body']): { payload?: Buffer; contentType?: string } {
	if (body === undefined || body === null) return {};
	if (Buffer.isBuffer(body)) return { payload: body, contentType: 'application/octet-stream' };
	if (typeof body === 'string') {
		return { payload: Buffer.from(body, 'utf8'), contentType: 'text/plain; charset=utf-8' };
	}
	return { payload: Buffer.from(JSON.stringify(body), 'utf8'), contentType: JSON_CONTENT_TYPE };
}

export function lowercaseKeys(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
}
