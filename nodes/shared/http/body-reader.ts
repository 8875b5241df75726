import type { Readable } from 'node:stream';

import { REPLY_CUT, networkFailure } from '../errors/network-failure';
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
 * Takes a reply body piece by piece as it arrives (a decoder reading while the reply streams in),
 * so the body is never held whole. `write` answers false when the rest is not needed (the sink
 * found a problem it keeps for its caller); the connection is then dropped.
 */
export interface BodySink {
	write(chunk: Buffer): boolean;
	end(): void;
	/**
	 * After `end`: the body stopped in the middle of the document it holds. For a body framed
	 * only by the connection's close, that is the one sign the connection was cut.
	 */
	unfinished?(): boolean;
}

/**
 * Reads a reply body, counting bytes as they arrive: past `maxBytes` or the deadline the
 * connection is dropped and the read fails with RequestCutShort, so no reply can hold more than
 * `maxBytes` in memory. With a `sink`, each piece goes to it instead of being kept, and the body
 * returned is empty.
 */
export async function readBody(
	body: unknown,
	maxBytes: number,
	deadline: Deadline,
	sink?: BodySink,
): Promise<Buffer> {
	if (!isReadable(body)) {
		const buffer = toBuffer(body, maxBytes);
		if (!sink) return buffer;
		if (sink.write(buffer)) sink.end();
		return Buffer.alloc(0);
	}
	const stream = body;
	return await new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const finish = (error?: Error, unread = false) => {
			deadline.signal.removeEventListener('abort', onAbort);
			stream.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
			if (error) {
				stream.destroy();
				reject(error);
				return;
			}
			if (unread) stream.destroy();
			resolve(sink ? Buffer.alloc(0) : Buffer.concat(chunks, size));
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
			if (!sink) chunks.push(buffer);
			else if (!feed(() => sink.write(buffer))) finish(undefined, true);
		};
		const onEnd = () => {
			if (!sink || feed(() => (sink.end(), true))) finish();
		};
		/** A sink that throws (it should keep its problems) fails the read rather than the process. */
		const feed = (step: () => boolean): boolean => {
			try {
				return step();
			} catch (error) {
				finish(error instanceof Error ? error : new Error(String(error)));
				return false;
			}
		};
		const onError = (error: Error) => finish(networkFailure(error) ? replyCut() : error);
		const onClose = () => finish(replyCut());
		if (deadline.signal.aborted) return onAbort();
		deadline.signal.addEventListener('abort', onAbort, { once: true });
		stream.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
	});
}

/** A body that stopped before its end: the connection was reset or closed mid-reply. */
export function replyCut(): Error {
	return Object.assign(new Error('The connection was cut in the middle of the reply'), {
		code: REPLY_CUT,
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
