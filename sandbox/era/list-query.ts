import type { Point } from './point-store';

export class QueryError extends Error {}

/** A field of a point by its dotted name ('opts.title'). */
export function fieldValue(point: Record<string, unknown>, path: string): unknown {
	let current: unknown = point;
	for (const part of path.split('.')) {
		if (!current || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

/** `filter`: a JSON object of dotted field names and the values they must equal. */
export function parseFilter(raw: string | null): Record<string, unknown> {
	if (raw === null || raw === '') return {};
	const value = parseJson(raw, 'filter');
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw new QueryError("Parameter 'filter' must be a JSON object");
	}
	return value as Record<string, unknown>;
}

export function matchesFilter(point: Point, filter: Record<string, unknown>): boolean {
	return Object.entries(filter).every(([path, wanted]) => fieldValue(point, path) === wanted);
}

interface OrderKey {
	path: string;
	descending: boolean;
}

/** `order`: a JSON array of field names, or of `{field: "asc"|"desc"}` objects. */
export function parseOrder(raw: string | null): OrderKey[] {
	if (raw === null || raw === '') return [];
	const value = parseJson(raw, 'order');
	const entries = Array.isArray(value) ? value : [value];
	return entries.flatMap((entry): OrderKey[] => {
		if (typeof entry === 'string') return [{ path: entry, descending: false }];
		if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
			return Object.entries(entry as Record<string, unknown>).map(([path, direction]) => {
				if (direction !== 'asc' && direction !== 'desc') {
					throw new QueryError(`Order direction for '${path}' must be "asc" or "desc"`);
				}
				return { path, descending: direction === 'desc' };
			});
		}
		throw new QueryError("Parameter 'order' must be an array of field names or objects");
	});
}

export function sortPoints(points: Point[], order: OrderKey[]): Point[] {
	if (order.length === 0) return points;
	return [...points].sort((a, b) => {
		for (const { path, descending } of order) {
			const left = String(fieldValue(a, path) ?? '');
			const right = String(fieldValue(b, path) ?? '');
			if (left !== right) return (left < right ? -1 : 1) * (descending ? -1 : 1);
		}
		return 0;
	});
}

/** `mask`: the comma-separated fields to keep; nested fields keep their parent object. */
export function applyMask(point: Point, mask: string | null): Record<string, unknown> {
	if (mask === null || mask.trim() === '') return point;
	const masked: Record<string, unknown> = {};
	for (const path of mask
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)) {
		const value = fieldValue(point, path);
		if (value === undefined) continue;
		const parts = path.split('.');
		let target = masked;
		for (const part of parts.slice(0, -1)) {
			target[part] = (target[part] as Record<string, unknown>) ?? {};
			target = target[part] as Record<string, unknown>;
		}
		target[parts[parts.length - 1]] = value;
	}
	return masked;
}

/** `flat`: nested objects become dotted keys ('opts.title'). */
export function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
	const flat: Record<string, unknown> = {};
	for (const [key, child] of Object.entries(value)) {
		if (child && typeof child === 'object' && !Array.isArray(child)) {
			Object.assign(flat, flatten(child as Record<string, unknown>, `${prefix}${key}.`));
		} else {
			flat[`${prefix}${key}`] = child;
		}
	}
	return flat;
}

export function parseFlag(raw: string | null): boolean {
	return raw === 'true' || raw === '1';
}

export function parseCount(raw: string | null, name: string): number | undefined {
	if (raw === null || raw === '') return undefined;
	if (!/^\d+$/.test(raw)) throw new QueryError(`Parameter '${name}' must be a whole number`);
	return Number(raw);
}

function parseJson(raw: string, name: string): unknown {
	try {
		return JSON.parse(raw);
	} catch {
		throw new QueryError(`Parameter '${name}' is not valid JSON`);
	}
}
