import { sandboxUrl } from './e2e-env';

export interface LoggedRequest {
	method: string;
	path: string;
	status?: number;
	headers?: Record<string, string | string[] | undefined>;
}

/** A simulator's control surface (/__control), as the e2e tests drive it from outside. */
export async function control<T>(
	simulatorId: string,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	const reply = await fetch(`${sandboxUrl(simulatorId)}/__control${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await reply.text();
	if (!reply.ok)
		throw new Error(`${simulatorId} control ${method} ${path}: ${reply.status} ${text}`);
	return (text ? JSON.parse(text) : undefined) as T;
}

export async function requestsSeen(simulatorId: string): Promise<LoggedRequest[]> {
	return await control<LoggedRequest[]>(simulatorId, 'GET', '/requests');
}

export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs: number,
	intervalMs = 1000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await probe();
		if (found !== undefined) return found;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}
