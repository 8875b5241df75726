import type { Fault } from './faults';

/** Checks a fault received over the control surface; throws an Error naming the bad field. */
export function parseFault(value: unknown): Fault {
	if (!isRecord(value)) throw new Error('A fault must be a JSON object');

	expectType(value, 'status', 'number');
	expectType(value, 'retryAfter', 'string');
	expectType(value, 'latencyMs', 'number');
	expectType(value, 'reset', 'boolean');
	expectType(value, 'malformedBody', 'string');
	expectType(value, 'times', 'number');
	expectType(value, 'ratio', 'number');
	if (value.body !== undefined && typeof value.body !== 'string' && !isRecord(value.body)) {
		throw new Error("Fault field 'body' must be a string or an object");
	}
	if (typeof value.ratio === 'number' && (value.ratio < 0 || value.ratio > 1)) {
		throw new Error("Fault field 'ratio' must be between 0 and 1");
	}
	if (typeof value.times === 'number' && (!Number.isInteger(value.times) || value.times < 1)) {
		throw new Error("Fault field 'times' must be a positive integer");
	}
	if (value.match !== undefined) {
		if (!isRecord(value.match)) throw new Error("Fault field 'match' must be an object");
		expectType(value.match, 'method', 'string');
		expectType(value.match, 'path', 'string');
	}
	return value as Fault;
}

export function parseFaults(value: unknown): Fault[] {
	return Array.isArray(value) ? value.map(parseFault) : [parseFault(value)];
}

function expectType(record: Record<string, unknown>, field: string, type: string): void {
	if (record[field] !== undefined && typeof record[field] !== type) {
		throw new Error(`Fault field '${field}' must be a ${type}`);
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
