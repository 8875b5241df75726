import type { SimResponse } from '../../framework';
import type { SessionHandler } from '../era-guard';
import { eraError, invalidParams, invalidRequest, notFound } from '../era-errors';
import {
	QueryError,
	applyMask,
	flatten,
	matchesFilter,
	parseCount,
	parseFilter,
	parseFlag,
	parseOrder,
	sortPoints,
} from '../list-query';
import { PointError, type Point, type PointStore } from '../point-store';

function shaped(point: Point, query: URLSearchParams): Record<string, unknown> {
	const masked = applyMask(point, query.get('mask'));
	return parseFlag(query.get('flat')) ? flatten(masked) : masked;
}

function pointError(error: unknown): SimResponse {
	if (error instanceof PointError) {
		if (error.kind === 'not_found') return notFound();
		if (error.kind === 'exists') return eraError(409, 1402, error.message, error.details);
		return invalidParams(error.message, error.details);
	}
	if (error instanceof QueryError) return invalidParams(error.message);
	return invalidRequest((error as Error).message);
}

export function listPoints(store: PointStore): SessionHandler {
	return (request, _params, session) => {
		try {
			const filter = parseFilter(request.query.get('filter'));
			const order = parseOrder(request.query.get('order'));
			const offset = parseCount(request.query.get('offset'), 'offset') ?? 0;
			const limit = parseCount(request.query.get('limit'), 'limit');
			const points = sortPoints(
				store.list(session.domain).filter((point) => matchesFilter(point, filter)),
				order,
			);
			const page = points.slice(offset, limit === undefined ? undefined : offset + limit);
			return { status: 200, body: page.map((point) => shaped(point, request.query)) };
		} catch (error) {
			return pointError(error);
		}
	};
}

export function getPoint(store: PointStore): SessionHandler {
	return (request, params, session) => {
		const point = store.get(session.domain, params.id);
		return point ? { status: 200, body: shaped(point, request.query) } : notFound();
	};
}

export function createPoint(store: PointStore): SessionHandler {
	return (request, _params, session) => {
		try {
			return { status: 200, body: store.create(session.domain, request.json()) };
		} catch (error) {
			return pointError(error);
		}
	};
}

export function updatePoint(store: PointStore): SessionHandler {
	return (request, params, session) => {
		try {
			return { status: 200, body: store.update(session.domain, params.id, request.json()) };
		} catch (error) {
			return pointError(error);
		}
	};
}

export function deletePoint(store: PointStore): SessionHandler {
	return (_request, params, session) =>
		store.delete(session.domain, params.id) ? { status: 204 } : notFound();
}

/** LOOKUP with a JSON string body: an id, a code or a token_local → the matching ids. */
export function lookupPoint(store: PointStore): SessionHandler {
	return (request, _params, session) => {
		let key: unknown;
		try {
			key = request.json();
		} catch (error) {
			return invalidRequest((error as Error).message);
		}
		if (typeof key !== 'string') return invalidParams('The body must be a JSON string');
		const ids = store.lookup(session.domain, key);
		return ids.length > 0 ? { status: 200, body: ids } : notFound('Lookup failed');
	};
}

/** GET /rest/v1/service/integration_tokens/<token>. */
export function checkToken(store: PointStore): SessionHandler {
	return (_request, params) => {
		const found = store.byToken(params.token);
		if (!found) return notFound('Token not found');
		const href = `/rest/v1/service/integration_points/${found.point.id}`;
		return {
			status: 200,
			body: {
				domain: found.domain,
				integration_point: { id: found.point.id, _links: { self: { href } } },
			},
		};
	};
}
