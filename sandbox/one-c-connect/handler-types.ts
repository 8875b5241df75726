import type { SimValue } from './xml/xdto-values';
import type { ObjectStore } from './object-store';

export interface OperationCall {
	operation: string;
	/** The decoded `Params`: an object (Structure), rows (ValueTable) or undefined. */
	params: SimValue | undefined;
	/** Plain child elements, for the operations that take them. */
	plain: Record<string, string>;
}

export interface OperationResult {
	code: string;
	data: unknown;
}

export interface SimState {
	store: ObjectStore;
	now: () => number;
	/** Rows of each GetHistoryOf… operation and the other read-only lists. */
	lists: Map<string, Array<Record<string, unknown>>>;
	paramValues: Map<string, Record<string, unknown>>;
	messages: Map<string, Record<string, unknown>>;
	files: Map<string, Record<string, unknown>>;
	notifications: Array<Record<string, unknown>>;
	nextNumber: () => number;
}

export type OperationHandler = (call: OperationCall, state: SimState) => OperationResult;

export const ok = (data: unknown = null): OperationResult => ({ code: 'SUCCESS', data });
export const notExist = (what: string): OperationResult => ({
	code: 'PARAM_NOT_EXIST',
	data: what,
});
export const wrongParam = (what: string): OperationResult => ({ code: 'WRONG_PARAM', data: what });

/** The Structure params as an object ({} when absent or a table). */
export function structureOf(call: OperationCall): Record<string, unknown> {
	const { params } = call;
	if (params && typeof params === 'object' && !Array.isArray(params)) return { ...params };
	return { ...call.plain };
}

/** A 1C wall-clock dateTime (no zone) read as UTC. */
export function timeOf(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value);
	const parsed = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
	return Number.isNaN(parsed) ? undefined : parsed;
}
