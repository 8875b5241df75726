import type { IExecuteFunctions } from 'n8n-workflow';

import { runScope } from '../execution/run-scope';

export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value !== null && typeof value === 'object')
		return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * A parameter for each item (`path` may name a collection's option, `options.readOnly`). One
 * without an expression is the same for every item, so it is read once for the run: each read
 * costs n8n a copy and a check against the node's description. A value read once is shared by
 * every item: callers read it, never change it.
 */
export function runParameter<T>(
	context: IExecuteFunctions,
	path: string,
	fallback: T,
): (itemIndex: number) => T {
	let written: unknown = context.getNode().parameters;
	for (const key of path.split('.')) {
		written = written !== null && typeof written === 'object' ? (written as never)[key] : undefined;
	}
	const read = (itemIndex: number) => context.getNodeParameter(path, itemIndex, fallback) as T;
	if (holdsExpression(written)) return read;
	let value: { of: T } | undefined;
	return (itemIndex) => (value ??= { of: read(itemIndex) }).of;
}

/** `runParameter` for code that runs once per item: the reader is kept for the run. */
export function itemParameter<T>(
	context: IExecuteFunctions,
	path: string,
	itemIndex: number,
	fallback: T,
): T {
	const readers = runScope(context).parameterReaders;
	let read = readers.get(path);
	if (!read) readers.set(path, (read = runParameter(context, path, fallback)));
	return read(itemIndex) as T;
}
