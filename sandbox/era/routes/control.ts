import type { RouteHandler } from '../../framework';
import type { BanGuard } from '../ban-guard';
import { ERA_DEMO_CREDENTIALS } from '../demo-data';
import type { PointStore } from '../point-store';
import type { SessionStore } from '../session-store';

/**
 * POST /__control/era/sessions/expire: every session ends now, as after a timeout; with
 * `{"afterRequests": n}` they end after n more authenticated requests (expiry mid-run).
 */
export function expireSessions(sessions: SessionStore): RouteHandler {
	return (request) => {
		const after =
			request.text() === ''
				? undefined
				: (request.json() as { afterRequests?: unknown }).afterRequests;
		if (typeof after === 'number' && Number.isInteger(after) && after >= 0) {
			sessions.expireAfter(after);
			return { status: 200, body: { expiresAfterRequests: after } };
		}
		return { status: 200, body: { expired: sessions.expireAll() } };
	};
}

/** DELETE /__control/era/bans: lifts every ban and forgets failed logins. */
export function liftBans(bans: BanGuard): RouteHandler {
	return () => {
		bans.reset();
		return { status: 204 };
	};
}

/** GET /__control/era/points?domain=…: the points of a domain (the demo domain by default). */
export function listAllPoints(store: PointStore): RouteHandler {
	return (request) => ({
		status: 200,
		body: store.list(request.query.get('domain') ?? ERA_DEMO_CREDENTIALS.domain),
	});
}

/** POST /__control/era/points `{count, domain?, prefix?}`: adds generated points, for paging. */
export function seedPoints(store: PointStore): RouteHandler {
	return (request) => {
		let body: { count?: unknown; domain?: unknown; prefix?: unknown };
		try {
			body = (request.json() ?? {}) as typeof body;
		} catch (error) {
			return { status: 400, body: { error: 'bad_request', reason: (error as Error).message } };
		}
		const count = Number(body.count);
		if (!Number.isInteger(count) || count < 1 || count > 100_000) {
			return { status: 400, body: { error: 'bad_request', reason: "'count' must be 1 to 100000" } };
		}
		const domain = typeof body.domain === 'string' ? body.domain : ERA_DEMO_CREDENTIALS.domain;
		const prefix = typeof body.prefix === 'string' ? body.prefix : 'seed';
		const created = seed(store, domain, prefix, count);
		return { status: 201, body: { created } };
	};
}

export function seed(store: PointStore, domain: string, prefix: string, count: number): number {
	for (let index = 1; index <= count; index++) {
		store.create(domain, { code: `${prefix}-${String(index).padStart(5, '0')}`, type: 'public' });
	}
	return count;
}
