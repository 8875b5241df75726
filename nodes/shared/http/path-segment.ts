import type { INode } from 'n8n-workflow';

import { inputError } from '../errors/node-errors';

/**
 * An ID made safe to place in a URL path: encoded, and refused when it is empty, blank, `.` or
 * `..` (which would address the parent path, such as a whole collection), before anything is sent.
 */
export function pathSegment(
	/** The node, for the error: n8n copies it on every call, so it is asked for only then. */
	nodeOf: () => INode,
	value: unknown,
	label: string,
	itemIndex?: number,
): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	const trimmed = text.trim();
	if (trimmed === '' || trimmed === '.' || trimmed === '..') {
		const shown = trimmed === '' ? 'empty' : `"${trimmed}"`;
		throw inputError(
			nodeOf(),
			`The ${label} is ${shown}`,
			`Enter the ${label} of an existing record; check the expression that gives it for this item.`,
			itemIndex,
		);
	}
	return encodeURIComponent(trimmed);
}
