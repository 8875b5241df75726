import type { IDataObject, INode } from 'n8n-workflow';

import { apiError } from '../errors/node-errors';
import { quoteStart } from './reply-body';

export type ReplyShape = 'object' | 'list' | 'list of objects';

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fits(value: unknown, shape: ReplyShape): boolean {
	if (shape === 'object') return isPlainObject(value);
	if (!Array.isArray(value)) return false;
	return shape === 'list' || value.every(isPlainObject);
}

export interface ShapeCheck {
	vendor: string;
	/** What was asked, for the message: 'Get', 'the presence list'. */
	what: string;
	/** The reply text, quoted in the message (already redacted); a function is called only then. */
	text: string | (() => string);
	itemIndex?: number;
	/** The request changed something: say it may have been applied. */
	write?: boolean;
}

/**
 * The value when it has the shape the operation expects; otherwise an item error quoting the
 * start of the reply, never a TypeError later on.
 */
export function expectShape<T = unknown>(
	/** The node, for the error: n8n copies it on every call, so it is asked for only then. */
	nodeOf: () => INode,
	value: unknown,
	shape: ReplyShape,
	check: ShapeCheck,
): T {
	if (fits(value, shape)) return value as T;
	throw apiError(nodeOf(), {
		message: `${check.vendor} answered ${check.what} with something other than ${article(shape)}: ${quoteStart(typeof check.text === 'string' ? check.text : check.text())}`,
		description: `The reply does not have the shape ${check.vendor} documents; check the server address in the credential, or try again later.`,
		itemIndex: check.itemIndex,
		mayHaveApplied: check.write ? check.vendor : undefined,
	});
}

function article(shape: ReplyShape): string {
	return shape === 'object' ? 'an object' : `a ${shape}`;
}
