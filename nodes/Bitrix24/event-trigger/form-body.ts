import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../../shared/http/reply-shape';

type Nested = Record<string, unknown>;

/** PHP's `max_input_nesting_level`: Bitrix24 itself reads no deeper. */
export const MAX_NESTING = 64;
/** Node's querystring, which n8n's form parser uses, keeps no more fields than this. */
export const MAX_FIELDS = 1000;

/**
 * One field of the body, read without expanding it: n8n reads a form body flat, by field name
 * (`auth[application_token]`); a JSON body comes already nested.
 */
export function flatField(body: unknown, path: string[]): string | undefined {
	if (!isPlainObject(body)) return undefined;
	const name =
		path[0] +
		path
			.slice(1)
			.map((key) => `[${key}]`)
			.join('');
	const flat = body[name];
	if (typeof flat === 'string') return flat;
	let node: unknown = body;
	for (const key of path) node = isPlainObject(node) ? node[key] : undefined;
	return typeof node === 'string' || typeof node === 'number' ? String(node) : undefined;
}

/** Why the body is too large to expand, or undefined when it is within the limits. */
export function overLimits(body: unknown): string | undefined {
	if (!isPlainObject(body)) return undefined;
	let fields = 0;
	for (const [name, value] of Object.entries(body)) {
		fields += Array.isArray(value) ? value.length : 1;
		if (fields > MAX_FIELDS) return `more than ${MAX_FIELDS} fields`;
		if (depthOf(name) > MAX_NESTING) return `a field nested deeper than ${MAX_NESTING} levels`;
	}
	return undefined;
}

/** Counted by a scan of the name, never by building anything. */
function depthOf(name: string): number {
	let depth = 0;
	for (let index = name.indexOf('['); index !== -1; index = name.indexOf('[', index + 1)) depth++;
	return depth;
}

/**
 * The body Bitrix24 posts to a handler, as clean JSON: PHP reads the brackets of a form field's
 * name as nesting, and so does this. A body that is already nested (JSON) is kept as it is.
 * Call it only on a body `overLimits` has passed.
 */
export function eventBodyOf(body: unknown): IDataObject {
	if (!isPlainObject(body)) return {};
	const result: Nested = {};
	for (const [name, value] of Object.entries(body)) {
		const keys = keysOf(name);
		if (!keys) continue;
		const values = Array.isArray(value) ? value : [value];
		for (const single of values) put(result, keys, single);
	}
	return result as IDataObject;
}

/** `data[FIELDS][ID]` → ['data', 'FIELDS', 'ID'], in one pass; undefined for a malformed name. */
function keysOf(name: string): string[] | undefined {
	const open = name.indexOf('[');
	if (open === 0) return undefined;
	if (open === -1) return name.includes(']') ? undefined : [name];
	const keys = [name.slice(0, open)];
	if (keys[0].includes(']')) return undefined;
	let index = open;
	while (index < name.length) {
		if (name[index] !== '[') return undefined;
		const close = name.indexOf(']', index);
		if (close === -1) return undefined;
		const key = name.slice(index + 1, close);
		if (key.includes('[')) return undefined;
		keys.push(key);
		index = close + 1;
	}
	return keys.length > MAX_NESTING + 1 ? undefined : keys;
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

/** The trigger reads a body through this object, in this order (tests watch that a refused body is never expanded). */
export const formBody = { flatField, overLimits, eventBodyOf };
