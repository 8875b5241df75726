import type { LoggedRequest } from '../sandbox/framework';

/** One request as the bench sends it itself, with the headers the node used (auth included). */
export interface RawCall {
	method: string;
	url: string;
	headers: Record<string, string>;
	body?: string;
}

/** A vendor's documented request rate; the raw client keeps to it as the node must. */
export interface RatePace {
	perWindow: number;
	windowMs: number;
}

const HOP_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

export function rawCallOf(baseUrl: string, logged: LoggedRequest): RawCall {
	const headers = Object.fromEntries(
		Object.entries(logged.headers).filter(([name]) => !HOP_HEADERS.has(name)),
	);
	const query = logged.query === '' ? '' : `?${logged.query}`;
	const hasBody = logged.method !== 'GET' && logged.method !== 'HEAD';
	return {
		method: logged.method,
		url: `${baseUrl}${logged.path}${query}`,
		headers,
		body: hasBody ? logged.body : undefined,
	};
}

/** The distinct requests among those logged: what a client that shares identical calls sends. */
export function distinctCalls(baseUrl: string, logged: readonly LoggedRequest[]): RawCall[] {
	const seen = new Map<string, LoggedRequest>();
	for (const request of logged) {
		const key = `${request.method} ${request.path}?${request.query}\n${request.body}`;
		if (!seen.has(key)) seen.set(key, request);
	}
	return [...seen.values()].map((request) => rawCallOf(baseUrl, request));
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends `calls` with Node's fetch, at most `concurrency` at once; returns the wall milliseconds. */
export async function sendRaw(
	calls: RawCall[],
	concurrency: number,
	pace?: RatePace,
): Promise<number> {
	const started: number[] = [];
	const waitForPace = async () => {
		if (!pace) return;
		for (;;) {
			const now = performance.now();
			const recent = started.filter((at) => now - at < pace.windowMs);
			if (recent.length < pace.perWindow) break;
			await sleep(recent[0] + pace.windowMs - now + 1);
		}
		started.push(performance.now());
	};
	let next = 0;
	const worker = async () => {
		while (next < calls.length) {
			const call = calls[next++];
			await waitForPace();
			const response = await fetch(call.url, {
				method: call.method,
				headers: call.headers,
				body: call.body,
			});
			await response.arrayBuffer();
		}
	};
	const begin = performance.now();
	const workers = Math.max(1, Math.min(concurrency, calls.length));
	await Promise.all(Array.from({ length: workers }, worker));
	return performance.now() - begin;
}
