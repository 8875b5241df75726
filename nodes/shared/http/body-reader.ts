import type { Readable } from 'node:stream';

import type { Deadline } from './deadline';
import { RequestCutShort } from './deadline';

function isReadable(body: unknown): body is Readable {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as Readable).on === 'function' &&
		typeof (body as Readable).destroy === 'function'
	);
}

/** Drops a reply body nobody will read, so its connection does not stay open. */
export function discardBody(body: unknown): void {
	if (isReadable(body)) body.destroy();
}

/**
 * Reads a reply body, counting bytes as they arrive: past `maxBytes` or the deadline the
 * connection is dropped and the read fails with RequestCutShort, so no reply can hold more than
 * `maxBytes` in memory.
 */
export async function readBody(
	body: unknown,
	maxBytes: number,
	deadline: Deadline,
): Promise<Buffer> {
	if (!isReadable(body)) return toBuffer(body, maxBytes);
	const stream = body;
	return await new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const finish = (error?: Error) => {
			deadline.signal.removeEventListener('abort', onAbort);
			stream.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
			if (error) {
				stream.destroy();
				reject(error);
			} else resolve(Buffer.concat(chunks, size));
		};
		const onAbort = () => finish(deadline.signal.reason as Error);
		const onData = (chunk: Buffer | string) => {
			const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			size += buffer.length;
			if (size > maxBytes) {
				const cut = new RequestCutShort('too-large', maxBytes);
				deadline.cut(cut);
				finish(cut);
				return;
			}
			chunks.push(buffer);
		};
		const onEnd = () => finish();
		const onError = (error: Error) => finish(error);
		const onClose = () => finish(closedEarly());
		if (deadline.signal.aborted) return onAbort();
		deadline.signal.addEventListener('abort', onAbort, { once: true });
		stream.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
	});
}

/** A body that stopped before its end: the connection was reset or closed mid-reply. */
function closedEarly(): Error {
	return Object.assign(new Error('The connection was closed in the middle of the reply'), {
		code: 'ECONNRESET',
	});
}

function toBuffer(body: unknown, maxBytes: number): Buffer {
	let buffer: Buffer;
	if (Buffer.isBuffer(body)) buffer = body;
	else if (body instanceof ArrayBuffer) buffer = Buffer.from(body);
	else if (body === undefined || body === null) buffer = Buffer.alloc(0);
	else if (typeof body === 'string') buffer = Buffer.from(body, 'utf8');
	else buffer = Buffer.from(JSON.stringify(body), 'utf8');
	if (buffer.length > maxBytes) throw new RequestCutShort('too-large', maxBytes);
	return buffer;
}
