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
