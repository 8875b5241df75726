import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

import type { RequestTarget } from './sim-request';
import { readTarget } from './sim-request';
import type { SimResponse } from './types';
import { encodeBody, lowercaseKeys } from './write-response';

export interface RawRequest {
	method: string;
	target: RequestTarget;
	headers: Record<string, string>;
	body: Buffer;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEAD_BYTES = 64 * 1024;
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The method token at the start of a request, as Node's parser saw it before refusing it. */
export function rawMethodOf(packet: Buffer | undefined): string | undefined {
	const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) /.exec(
		packet?.subarray(0, 64).toString('latin1') ?? '',
	);
	return match?.[1];
}

/**
 * Reads one HTTP/1.1 request from a socket Node's parser gave up on: `first` holds the bytes it
 * had, the rest arrives on the socket. Only Content-Length bodies are read (Node's own client,
 * axios and fetch send one for a string body); anything else rejects with a reason.
 */
export function readRawRequest(first: Buffer, socket: Socket): Promise<RawRequest> {
	return new Promise((resolve, reject) => {
		let received = first;
		const done = (outcome: RawRequest | Error) => {
			socket.off('data', onData);
			socket.off('end', onEnd);
			if (outcome instanceof Error) reject(outcome);
			else resolve(outcome);
		};
		const attempt = () => {
			try {
				const request = parseRawRequest(received);
				if (request) done(request);
			} catch (error) {
				done(error as Error);
			}
		};
		const onData = (chunk: Buffer) => {
			received = Buffer.concat([received, chunk]);
			attempt();
		};
		const onEnd = () => done(new Error('The connection ended before the request was complete'));
		socket.on('data', onData);
		socket.on('end', onEnd);
		attempt();
	});
}

/** The request in `bytes`, undefined while incomplete; throws for what it cannot read. */
export function parseRawRequest(bytes: Buffer): RawRequest | undefined {
	const headEnd = bytes.indexOf(HEADER_END);
	if (headEnd === -1) {
		if (bytes.length > MAX_HEAD_BYTES) throw new Error('The request head is too large');
		return undefined;
	}
	const [requestLine, ...headerLines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
	const parts = /^(\S+) (\S+) HTTP\/1\.[01]$/.exec(requestLine);
	if (!parts) throw new Error(`Not an HTTP/1.1 request line: ${requestLine.slice(0, 80)}`);

	const headers: Record<string, string> = {};
	for (const line of headerLines) {
		const colon = line.indexOf(':');
		if (colon <= 0) throw new Error(`Not a header line: ${line.slice(0, 80)}`);
		const name = line.slice(0, colon).trim().toLowerCase();
		const value = line.slice(colon + 1).trim();
		headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
	}
	if (headers['transfer-encoding'] !== undefined) {
		throw new Error('Only requests with a Content-Length body are supported for this method');
	}
	const length = Number(headers['content-length'] ?? '0');
	if (!Number.isInteger(length) || length < 0 || length > MAX_BODY_BYTES) {
		throw new Error(`Bad Content-Length: ${headers['content-length']}`);
	}
	const bodyStart = headEnd + HEADER_END.length;
	if (bytes.length < bodyStart + length) return undefined;
	return {
		method: parts[1],
		target: readTarget(parts[2]),
		headers,
		body: Buffer.from(bytes.subarray(bodyStart, bodyStart + length)),
	};
}

/** Writes a reply straight to the socket and closes it: the parser cannot take the next request. */
export function writeRawResponse(socket: Socket, response: SimResponse): void {
	if (socket.destroyed || !socket.writable) return;
	const { payload, contentType } = encodeBody(response.body);
	const headers = lowercaseKeys(response.headers ?? {});
	if (contentType && !('content-type' in headers)) headers['content-type'] = contentType;
	headers['content-length'] = String(payload?.length ?? 0);
	headers.connection = 'close';
	const head = [
		`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? 'Status'}`,
		...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
	].join('\r\n');
	socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), payload ?? Buffer.alloc(0)]));
}
