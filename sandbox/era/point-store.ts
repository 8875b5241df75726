import { randomBytes, randomUUID } from 'node:crypto';

export type Point = Record<string, unknown> & {
	id: string;
	code: string;
	type: string;
	token_local: string;
	opts: Record<string, unknown>;
	ext: { ct: string; lwt: string };
};

const STRING_FIELDS = [
	'token_remote',
	'token_remote2',
	'url',
	'recv_svcscriptcode',
	'recv_svcscriptcode_ws',
	'send_svcscriptcode',
	'send_svcscriptcode_ws',
] as const;

/** Fields PATCH may not change. */
export const FROZEN_FIELDS = ['id', 'token_local'];

/** ERA's timestamps carry hundredths of a second: 2019-08-28T13:34:16.42Z. */
export function eraTimestamp(now = Date.now()): string {
	return new Date(now).toISOString().replace(/(\.\d{2})\dZ$/, '$1Z');
}

export class PointError extends Error {
	constructor(
		readonly kind: 'invalid' | 'exists' | 'not_found',
		message: string,
		readonly details?: Record<string, unknown>,
	) {
		super(message);
	}
}

/** Integration points of each domain, in creation order. */
export class PointStore {
	private domains = new Map<string, Point[]>();

	constructor(private readonly initial: Record<string, Point[]>) {
		this.reset();
	}

	reset(): void {
		this.domains = new Map(
			Object.entries(this.initial).map(([domain, points]) => [domain, structuredClone(points)]),
		);
	}

	list(domain: string): Point[] {
		return this.domains.get(domain) ?? [];
	}

	get(domain: string, id: string): Point | undefined {
		return this.list(domain).find((point) => point.id === id);
	}

	create(domain: string, input: unknown, now = Date.now()): Point {
		const body = asObject(input);
		for (const field of ['code', 'type']) {
			if (typeof body[field] !== 'string' || body[field] === '') {
				throw new PointError('invalid', `Field '${field}' is required`, { field });
			}
		}
		const points = this.list(domain);
		const id = body.id === undefined ? randomUUID() : body.id;
		if (typeof id !== 'string' || id === '') {
			throw new PointError('invalid', "Field 'id' must be a string", { field: 'id' });
		}
		if (points.some((point) => point.id === id || point.code === body.code)) {
			throw new PointError('exists', 'Already exists', {
				field: points.some((p) => p.id === id) ? 'id' : 'code',
			});
		}
		const stamp = eraTimestamp(now);
		const point: Point = {
			id,
			code: body.code as string,
			type: body.type as string,
			token_local:
				typeof body.token_local === 'string' && body.token_local !== ''
					? body.token_local
					: randomBytes(16).toString('hex'),
			...Object.fromEntries(STRING_FIELDS.map((field) => [field, stringField(body, field)])),
			opts: { title: '', comment: '', allow_files_api: false, issync: false, ...optsOf(body) },
			ext: { ct: stamp, lwt: stamp },
		};
		this.domains.set(domain, [...points, point]);
		return point;
	}

	update(domain: string, id: string, input: unknown, now = Date.now()): Point {
		const point = this.get(domain, id);
		if (!point) throw new PointError('not_found', 'Not found');
		const body = asObject(input);
		const frozen = FROZEN_FIELDS.filter((field) => field in body);
		if (frozen.length > 0) {
			throw new PointError('invalid', `Fields cannot be changed: ${frozen.join(', ')}`, {
				fields: frozen,
			});
		}
		if ('code' in body) {
			if (typeof body.code !== 'string' || body.code === '') {
				throw new PointError('invalid', "Field 'code' must be a non-empty string", {
					field: 'code',
				});
			}
			if (this.list(domain).some((other) => other.id !== id && other.code === body.code)) {
				throw new PointError('exists', 'Already exists', { field: 'code' });
			}
			point.code = body.code;
		}
		if ('type' in body && typeof body.type === 'string' && body.type !== '') point.type = body.type;
		for (const field of STRING_FIELDS) if (field in body) point[field] = stringField(body, field);
		point.opts = { ...point.opts, ...optsOf(body) };
		point.ext = { ...point.ext, lwt: eraTimestamp(now) };
		return point;
	}

	delete(domain: string, id: string): boolean {
		const points = this.list(domain);
		const remaining = points.filter((point) => point.id !== id);
		this.domains.set(domain, remaining);
		return remaining.length < points.length;
	}

	/** Ids of the points whose id, code or token_local is the key. */
	lookup(domain: string, key: string): string[] {
		return this.list(domain)
			.filter((point) => point.id === key || point.code === key || point.token_local === key)
			.map((point) => point.id);
	}

	byToken(token: string): { domain: string; point: Point } | undefined {
		for (const [domain, points] of this.domains) {
			const point = points.find((candidate) => candidate.token_local === token);
			if (point) return { domain, point };
		}
		return undefined;
	}
}

function asObject(input: unknown): Record<string, unknown> {
	if (!input || typeof input !== 'object' || Array.isArray(input)) {
		throw new PointError('invalid', 'The body must be an integration_point object');
	}
	return input as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, field: string): string {
	const value = body[field];
	if (value === undefined || value === null) return '';
	if (typeof value !== 'string') {
		throw new PointError('invalid', `Field '${field}' must be a string`, { field });
	}
	return value;
}

function optsOf(body: Record<string, unknown>): Record<string, unknown> {
	if (body.opts === undefined) return {};
	if (!body.opts || typeof body.opts !== 'object' || Array.isArray(body.opts)) {
		throw new PointError('invalid', "Field 'opts' must be an object", { field: 'opts' });
	}
	return body.opts as Record<string, unknown>;
}
