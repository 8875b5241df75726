import type { RouteHandler, SimRequest, SimResponse } from '../../framework';
import { MethodError, bitrixError, queryLimitExceeded } from '../bitrix-errors';
import { resolveReferences } from '../crm/batch-references';
import type { ServerLeakyBucket } from '../leaky-bucket';
import type { Caller, MethodContext, MethodResult } from '../methods';
import { METHODS } from '../methods';
import { parsePhpQuery } from '../php-params';
import type { PortalState } from '../portal-state';
import type { PullHub } from '../pull/pull-hub';
import type { TokenStore } from '../token-store';

export interface RestDeps {
	portal: PortalState;
	pull: PullHub;
	tokens: TokenStore;
	bucket: ServerLeakyBucket;
	webhook: { userId: string; code: string };
}

const MAX_BATCH = 50;

/** /rest/<user>/<code>/<method>.json: the incoming webhook. */
export function webhookRoute(deps: RestDeps): RouteHandler {
	return (request, { user, code, method }) => {
		if (user !== deps.webhook.userId || code !== deps.webhook.code) {
			return bitrixError(401, 'INVALID_CREDENTIALS', 'Invalid request credentials');
		}
		return answer(deps, request, method, {
			mode: 'webhook',
			userId: Number(user),
			origin: originOf(request),
		});
	};
}

/** /rest/<method>.json with an OAuth access token (`auth` parameter or Bearer header). */
export function oauthRoute(deps: RestDeps): RouteHandler {
	return (request, { method }) => {
		const params = paramsOf(request);
		const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
		const token = typeof params.auth === 'string' ? params.auth : bearer;
		if (!token) return bitrixError(401, 'NO_AUTH_FOUND', 'Wrong authorization data');
		const check = deps.tokens.check(token);
		if (check === 'expired') {
			return bitrixError(401, 'expired_token', 'The access token provided has expired.');
		}
		if (check === 'invalid') {
			return bitrixError(401, 'invalid_token', 'The access token provided is invalid.');
		}
		const userId = deps.tokens.userOf(token) ?? 0;
		return answer(deps, request, method, { mode: 'oauth', userId, origin: originOf(request) });
	};
}

function answer(deps: RestDeps, request: SimRequest, file: string, caller: Caller): SimResponse {
	if (!deps.bucket.tryAcquire()) return queryLimitExceeded();
	const method = file.replace(/\.json$/, '').toLowerCase();
	const params = paramsOf(request);
	const started = Date.now();
	try {
		const outcome =
			method === 'batch' ? runBatch(deps, params, caller) : call(deps, method, params, caller);
		return { status: 200, body: { ...outcome, time: timeOf(started) } };
	} catch (error) {
		if (error instanceof MethodError)
			return bitrixError(error.status, error.code, error.description);
		throw error;
	}
}

function call(
	deps: RestDeps,
	method: string,
	params: Record<string, unknown>,
	caller: Caller,
): MethodResult {
	const run = METHODS[method];
	if (!run) throw new MethodError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
	const context: MethodContext = { params, caller, portal: deps.portal, pull: deps.pull };
	return deps.portal.changesFrom(String(params.auth_connector ?? ''), () => run(context));
}

/** `cmd` of up to 50 `key: "method?query"`; `halt` stops at the first error. */
function runBatch(deps: RestDeps, params: Record<string, unknown>, caller: Caller): MethodResult {
	const commands = Object.entries((params.cmd ?? {}) as Record<string, unknown>);
	if (commands.length > MAX_BATCH) {
		throw new MethodError(
			400,
			'ERROR_BATCH_LENGTH_EXCEEDED',
			`Max batch length exceeded (${MAX_BATCH})`,
		);
	}
	const halt = ['1', 'true', 'Y'].includes(String(params.halt ?? '0'));
	const result: Record<string, unknown> = {};
	const errors: Record<string, unknown> = {};
	const totals: Record<string, unknown> = {};
	const nexts: Record<string, unknown> = {};
	const times: Record<string, unknown> = {};
	for (const [key, command] of commands) {
		const [method, query = ''] = String(command).split(/\?(.*)/s);
		const started = Date.now();
		try {
			const params = resolveReferences(parsePhpQuery(query), result) as Record<string, unknown>;
			const outcome = call(deps, method.toLowerCase(), params, caller);
			result[key] = outcome.result;
			if (outcome.total !== undefined) totals[key] = outcome.total;
			if (outcome.next !== undefined) nexts[key] = outcome.next;
			times[key] = timeOf(started);
		} catch (error) {
			if (!(error instanceof MethodError)) throw error;
			errors[key] = { error: error.code, error_description: error.description };
			if (halt) break;
		}
	}
	// PHP sends an empty associative array as [].
	const phpObject = (value: Record<string, unknown>) =>
		Object.keys(value).length === 0 ? [] : value;
	return {
		result: {
			result: phpObject(result),
			result_error: phpObject(errors),
			result_total: phpObject(totals),
			result_next: phpObject(nexts),
			result_time: phpObject(times),
		},
	};
}

/** Query string, then a JSON or form body, as Bitrix24 merges them. */
function paramsOf(request: SimRequest): Record<string, unknown> {
	const params = parsePhpQuery(request.query);
	const type = request.headers['content-type'] ?? '';
	if (request.body.length === 0) return params;
	if (type.includes('json')) {
		const body = request.json();
		return {
			...params,
			...(body && typeof body === 'object' ? (body as Record<string, unknown>) : {}),
		};
	}
	return { ...params, ...parsePhpQuery(request.text()) };
}

export function originOf(request: SimRequest): string {
	return `http://${request.headers.host ?? '127.0.0.1'}`;
}

function timeOf(started: number) {
	const finish = Date.now();
	return {
		start: started / 1000,
		finish: finish / 1000,
		duration: (finish - started) / 1000,
		processing: (finish - started) / 1000,
		date_start: new Date(started).toISOString(),
		date_finish: new Date(finish).toISOString(),
		operating_reset_at: Math.floor(finish / 1000) + 600,
		operating: 0,
	};
}
