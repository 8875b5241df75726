import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

/** What the trigger keeps in the workflow's static data. */
export interface WatchState extends IDataObject {
	/** Epoch ms of the last successful poll: the next window starts there, minus the overlap. */
	watermark?: number;
	/** Fingerprints of rows seen in the overlap, with when they were last returned. */
	seen?: Record<string, number>;
	/** Epoch ms of the last call, for operations with a minimum interval. */
	lastCallAt?: number;
}

export function fingerprint(row: IDataObject): string {
	const sorted = Object.keys(row)
		.sort()
		.map((key) => [key, row[key]]);
	return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32);
}

/**
 * Rows not seen before (a changed object has a new fingerprint), and the record to keep. A row
 * last returned before the next window's start cannot come back, so it is forgotten.
 */
export function newRows(
	rows: IDataObject[],
	seen: Record<string, number>,
	now: number,
	nextWindowStart: number,
): { fresh: IDataObject[]; seen: Record<string, number> } {
	const next: Record<string, number> = {};
	for (const [key, at] of Object.entries(seen)) if (at >= nextWindowStart) next[key] = at;
	const fresh: IDataObject[] = [];
	for (const row of rows) {
		const key = fingerprint(row);
		if (seen[key] === undefined && next[key] === undefined) fresh.push(row);
		next[key] = now;
	}
	return { fresh, seen: next };
}

/** The wall-clock time 1C expects (no zone) of an instant, in the given IANA time zone. */
export { wallClock } from '../../shared/time/wall-clock';
