// Misbehaving HTTP servers for tests: built on raw TCP so a reply can go wrong byte by byte.
import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface ReceivedRequest {
	method: string;
	/** Path with query string, as on the request line. */
	path: string;
	/** Lower-cased header names. */
	headers: Record<string, string>;
	body: Buffer;
	/** Raw bytes of request line + headers + body, latin1 string, for asserting what a server saw (e.g. that no Authorization header arrived). */
	raw: string;
}

/** What the server does with one request; `index` counts requests across all connections from 0. */
export type Behaviour = (
	socket: Socket,
	request: ReceivedRequest,
	index: number,
) => void | Promise<void>;

export interface HostileServer {
	/** e.g. http://127.0.0.1:PORT */
	url: string;
	port: number;
	requests: ReceivedRequest[];
	/** Number of complete requests received. */
	readonly count: number;
	/** Connections the client has not closed yet. */
	readonly openConnections: number;
	/** Destroys all open sockets; never hangs. */
	close(): Promise<void>;
}

export async function startHostileServer(behaviour: Behaviour): Promise<HostileServer> {
	const sockets = new Set<Socket>();
	const requests: ReceivedRequest[] = [];
	const server = createServer((socket) => {
		sockets.add(socket);
		socket.on('error', () => {});
		socket.on('close', () => sockets.delete(socket));
		// Requests on one keep-alive connection are answered one after another.
		let turn = Promise.resolve();
		readRequests(socket, (request) => {
			const index = requests.length;
			requests.push(request);
			turn = turn
				.then(() => behaviour(socket, request, index))
				.catch(() => {
					socket.destroy();
				});
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		get count() {
			return requests.length;
		},
		get openConnections() {
			return sockets.size;
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

function readRequests(socket: Socket, onRequest: (request: ReceivedRequest) => void): void {
	let chunks: Buffer[] = [];
	let buffered = 0;
	let needed = 1;
	socket.on('data', (chunk: Buffer) => {
		chunks.push(chunk);
		buffered += chunk.length;
		if (buffered < needed) return;
		let data = Buffer.concat(chunks);
		try {
			for (;;) {
				const parsed = parseRequest(data);
				if (!parsed.request) {
					needed = parsed.needed;
					break;
				}
				onRequest(parsed.request);
				data = data.subarray(parsed.needed);
			}
		} catch {
			socket.destroy();
		}
		chunks = [data];
		buffered = data.length;
	});
}

/** A complete request and its length in bytes, or how many bytes to wait for before trying again. */
function parseRequest(data: Buffer): { request?: ReceivedRequest; needed: number } {
	const headEnd = data.indexOf('\r\n\r\n');
	if (headEnd < 0) return { needed: data.length + 1 };
	const [requestLine, ...headerLines] = data.toString('latin1', 0, headEnd).split('\r\n');
	const [method = '', path = ''] = requestLine.split(' ');
	const headers: Record<string, string> = {};
	for (const line of headerLines) {
		const colon = line.indexOf(':');
		if (colon < 0) throw new Error(`Malformed header line: ${line}`);
		const name = line.slice(0, colon).trim().toLowerCase();
		const value = line.slice(colon + 1).trim();
		headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
	}
	const bodyStart = headEnd + 4;
	let body: Buffer;
	let end: number;
	if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
		const decoded = decodeChunked(data, bodyStart);
		if (!decoded) return { needed: data.length + 1 };
		({ body, end } = decoded);
	} else {
		end = bodyStart + Number(headers['content-length'] ?? 0);
		if (!Number.isSafeInteger(end)) throw new Error('Malformed Content-Length');
		if (data.length < end) return { needed: end };
		body = data.subarray(bodyStart, end);
	}
	const raw = data.toString('latin1', 0, end);
	return { request: { method, path, headers, body, raw }, needed: end };
}

function decodeChunked(data: Buffer, start: number): { body: Buffer; end: number } | undefined {
	const parts: Buffer[] = [];
	let at = start;
	for (;;) {
		const lineEnd = data.indexOf('\r\n', at);
		if (lineEnd < 0) return undefined;
		const size = parseInt(data.toString('latin1', at, lineEnd).split(';')[0], 16);
		if (Number.isNaN(size)) throw new Error('Malformed chunk size');
		at = lineEnd + 2;
		if (size === 0) break;
		if (data.length < at + size + 2) return undefined;
		parts.push(data.subarray(at, at + size));
		at += size + 2;
	}
	const body = Buffer.concat(parts);
	// After the last chunk: an empty line, or trailer headers ending with one.
	if (data.toString('latin1', at, at + 2) === '\r\n') return { body, end: at + 2 };
	const trailersEnd = data.indexOf('\r\n\r\n', at);
	return trailersEnd < 0 ? undefined : { body, end: trailersEnd + 4 };
}

const reasons: Record<number, string> = {
	200: 'OK',
	201: 'Created',
	204: 'No Content',
	301: 'Moved Permanently',
	302: 'Found',
	303: 'See Other',
	307: 'Temporary Redirect',
	308: 'Permanent Redirect',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/**
 * Status line and headers of a response, ending with the empty line. `headers` override
 * `defaults` whatever their case, so a caller can also send a lying Content-Length.
 */
export function responseHead(
	status: number,
	defaults: Record<string, string>,
	headers: Record<string, string> = {},
): string {
	const overridden = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
	const lines = [`HTTP/1.1 ${status} ${reasons[status] ?? 'Unknown'}`];
	for (const [name, value] of Object.entries(defaults)) {
		if (!overridden.has(name.toLowerCase())) lines.push(`${name}: ${value}`);
	}
	for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
	return `${lines.join('\r\n')}\r\n\r\n`;
}

const jsonClose = { 'Content-Type': 'application/json', Connection: 'close' };

export function respond(
	status: number,
	body: string | Buffer = '',
	headers: Record<string, string> = {},
): Behaviour {
	const bytes = Buffer.from(body);
	const head = responseHead(
		status,
		{ ...jsonClose, 'Content-Length': String(bytes.length) },
		headers,
	);
	return (socket) => {
		socket.end(Buffer.concat([Buffer.from(head, 'latin1'), bytes]));
	};
}

export function respondJson(
	status: number,
	value: unknown,
	headers: Record<string, string> = {},
): Behaviour {
	return respond(status, JSON.stringify(value), headers);
}

export function redirect(status: number, location: string): Behaviour {
	return respond(status, '', { Location: location });
}

/** Clears the timer when the socket closes, whoever closes it. */
function everyUntilClosed(socket: Socket, intervalMs: number, tick: () => void): NodeJS.Timeout {
	const timer = setInterval(tick, intervalMs);
	socket.once('close', () => clearInterval(timer));
	return timer;
}

/** Headers sent at once, then the body one byte per `intervalMs` (default 1000) forever (until the client goes away), declared Content-Length huge. */
export function dripBody(
	status = 200,
	headers: Record<string, string> = {},
	intervalMs = 1000,
): Behaviour {
	const head = responseHead(status, { ...jsonClose, 'Content-Length': String(2 ** 40) }, headers);
	return (socket) => {
		socket.write(head, 'latin1');
		// Spaces: a JSON parser reading the body keeps waiting for a value.
		everyUntilClosed(socket, intervalMs, () => socket.write(' '));
	};
}

/** Status line and headers (then a `{}` body) trickled one byte per `intervalMs` (default 1000). */
export function dripHeaders(intervalMs = 1000): Behaviour {
	const response = Buffer.from(
		responseHead(200, { ...jsonClose, 'Content-Length': '2' }) + '{}',
		'latin1',
	);
	return (socket) => {
		let sent = 0;
		const timer = everyUntilClosed(socket, intervalMs, () => {
			socket.write(response.subarray(sent, ++sent));
			if (sent < response.length) return;
			clearInterval(timer);
			socket.end();
		});
	};
}

/** Accepts the request and never answers. */
export function silent(): Behaviour {
	return () => {};
}

/** Writes `data`, then waits until the socket can take more; false once the client has gone. */
async function write(socket: Socket, data: Buffer): Promise<boolean> {
	if (socket.destroyed || !socket.writable) return false;
	if (socket.write(data)) {
		await new Promise((resolve) => setImmediate(resolve));
		return true;
	}
	return new Promise<boolean>((resolve) => {
		const settle = (drained: boolean) => () => {
			socket.off('drain', onDrain);
			socket.off('close', onClose);
			resolve(drained);
		};
		const onDrain = settle(true);
		const onClose = settle(false);
		socket.on('drain', onDrain);
		socket.on('close', onClose);
	});
}

const blockSize = 64 * 1024;

/** `pattern` repeated to at least 64 KiB, a whole number of times. */
function repeatToBlock(pattern: string | Buffer): Buffer {
	const unit = Buffer.from(pattern);
	if (unit.length === 0) throw new Error('The pattern must not be empty');
	return Buffer.alloc(Math.ceil(blockSize / unit.length) * unit.length, unit);
}

/** Chunked transfer-encoding, an endless body of `chunk` repeated to 64 KiB (default 'x'), written as fast as the client reads, until it closes. */
export function endlessBody(
	status = 200,
	headers: Record<string, string> = {},
	chunk: string | Buffer = 'x',
): Behaviour {
	const head = responseHead(status, { ...jsonClose, 'Transfer-Encoding': 'chunked' }, headers);
	const block = repeatToBlock(chunk);
	const frame = Buffer.concat([
		Buffer.from(`${block.length.toString(16)}\r\n`),
		block,
		Buffer.from('\r\n'),
	]);
	return async (socket) => {
		if (!(await write(socket, Buffer.from(head, 'latin1')))) return;
		while (await write(socket, frame));
	};
}

/**
 * A body of exactly `bytes` bytes, prefix and suffix included, the rest `pattern` (default 'x')
 * repeated and cut to fit; sent with Content-Length and streamed, so 200 MB take no memory.
 */
export function bigBody(
	status: number,
	bytes: number,
	options: {
		prefix?: string;
		suffix?: string;
		pattern?: string;
		headers?: Record<string, string>;
	} = {},
): Behaviour {
	const prefix = Buffer.from(options.prefix ?? '');
	const suffix = Buffer.from(options.suffix ?? '');
	const fill = bytes - prefix.length - suffix.length;
	if (fill < 0) throw new Error(`${bytes} bytes cannot hold the prefix and suffix`);
	const block = repeatToBlock(options.pattern ?? 'x');
	const head = responseHead(
		status,
		{ ...jsonClose, 'Content-Length': String(bytes) },
		options.headers,
	);
	return async (socket) => {
		if (!(await write(socket, Buffer.concat([Buffer.from(head, 'latin1'), prefix])))) return;
		for (let left = fill; left > 0; left -= block.length) {
			if (!(await write(socket, block.subarray(0, Math.min(left, block.length))))) return;
		}
		socket.end(suffix);
	};
}

/** Reads the whole request, then resets the connection without a byte of reply. */
export function resetAfterRequest(): Behaviour {
	return reset;
}

function reset(socket: Socket): void {
	if (!socket.destroyed) socket.resetAndDestroy();
}

/**
 * Sends headers and `partialBody`, then resets the connection. The headers announce a
 * Content-Length larger than what follows, or with `unframed` none at all: the body then ends
 * only with the connection (HTTP/1.1 §6.3), and only the document it holds shows it was cut.
 */
export function resetMidBody(
	status = 200,
	partialBody = '{"result":[',
	unframed = false,
): Behaviour {
	const body = Buffer.from(partialBody);
	const length: Record<string, string> = unframed
		? {}
		: { 'Content-Length': String(body.length + 1024) };
	const head = responseHead(status, { ...jsonClose, ...length });
	return (socket) => {
		// The pause lets the client read what was sent: a reset would discard unread bytes.
		socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]), (error) => {
			if (error) return;
			const timer = setTimeout(() => reset(socket), 50);
			socket.once('close', () => clearTimeout(timer));
		});
	};
}

/** Closes the connection (FIN, no reply) right after reading the request. */
export function closeAfterRequest(): Behaviour {
	return (socket) => {
		socket.end();
	};
}

/** Uses behaviours[index] for the index-th request, the last one for any request after. */
export function sequence(...behaviours: Behaviour[]): Behaviour {
	if (behaviours.length === 0) throw new Error('sequence() needs at least one behaviour');
	return (socket, request, index) =>
		behaviours[Math.min(index, behaviours.length - 1)](socket, request, index);
}
