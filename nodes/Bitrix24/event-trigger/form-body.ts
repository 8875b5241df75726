import type { IDataObject } from 'n8n-workflow';

type Nested = Record<string, unknown>;

/**
 * The body Bitrix24 posts to a handler, as clean JSON. n8n reads a form body flat, by field name
 * (`data[FIELDS][ID]`); PHP reads the brackets as nesting, and so does this. A body that is
 * already nested (JSON) is kept as it is.
 */
export function eventBodyOf(body: unknown): IDataObject {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
	const result: Nested = {};
	for (const [name, value] of Object.entries(body as Nested)) {
		const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(name);
		if (!match) continue;
		const keys = [match[1], ...[...match[2].matchAll(/\[([^\]]*)\]/g)].map((part) => part[1])];
		const values = Array.isArray(value) ? value : [value];
		for (const single of values) put(result, keys, single);
	}
	return result as IDataObject;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function put(target: Nested, keys: string[], value: unknown): void {
	if (keys.some((key) => FORBIDDEN.has(key))) return;
	let node = target;
	keys.forEach((key, index) => {
		const slot = key === '' ? String(Object.keys(node).length) : key;
		if (index === keys.length - 1) {
			node[slot] = value;
			return;
		}
		const next = node[slot];
		node = (next && typeof next === 'object' ? next : (node[slot] = {})) as Nested;
	});
}
