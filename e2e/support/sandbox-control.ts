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

export interface Bitrix24Command {
	/** In lower case, as Bitrix24 reads method names. */
	method: string;
	/** Its top-level parameters. */
	params: Record<string, unknown>;
}

function commandOf(text: string): Bitrix24Command {
	const [method, query = ''] = text.split('?');
	return { method: method.toLowerCase(), params: Object.fromEntries(new URLSearchParams(query)) };
}

function bodyOf(body: string | undefined): Record<string, unknown> {
	const text = body ?? '';
	if (text.trimStart().startsWith('{')) return JSON.parse(text) as Record<string, unknown>;
	return Object.fromEntries(new URLSearchParams(text));
}

/**
 * The REST methods the Bitrix24 sandbox was called with since its request log was last cleared:
 * each command inside a `batch` request on its own.
 */
export async function bitrix24Commands(): Promise<Bitrix24Command[]> {
	const seen = await control<Array<LoggedRequest & { body?: string }>>(
		'BITRIX24',
		'GET',
		'/requests',
	);
	return seen
		.filter((request) => request.path.startsWith('/rest/'))
		.flatMap((request) => {
			const method = request.path
				.replace(/^.*\//, '')
				.replace(/\.json$/, '')
				.toLowerCase();
			const body = bodyOf(request.body);
			if (method !== 'batch') return [{ method, params: body }];
			const commands =
				(body.cmd as Record<string, string> | undefined) ??
				Object.fromEntries(
					Object.entries(body).filter(([key]) => /^cmd\[.+\]$/.test(key)) as Array<
						[string, string]
					>,
				);
			return Object.values(commands).map(commandOf);
		});
}
