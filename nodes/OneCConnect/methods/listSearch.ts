import { createHash } from 'node:crypto';

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ONE_C_CREDENTIAL, oneCApiRequest } from '../transport';
import { searchPushLines } from './push-lines';
import type { RecordList } from './record-lists';
import { RECORD_LISTS } from './record-lists';

const SHOWN = 200;
const CACHE_MS = 60_000;
const CACHE_ENTRIES = 20;

/**
 * 1C answers a whole list in one reply and counts each call against the login's hourly limit, so
 * a picker keeps what it downloaded for a minute: typing to search does not call 1C again.
 */
const recent = new Map<string, { at: number; rows: Promise<IDataObject[]> }>();

async function cacheKey(context: ILoadOptionsFunctions, operation: string): Promise<string> {
	const credentials = await context.getCredentials(ONE_C_CREDENTIAL);
	// The password too: a login whose password is wrong must not see another credential's rows.
	const who = [credentials.region, credentials.customUrl, credentials.login, credentials.password]
		.map(String)
		.join('\n');
	return createHash('sha256').update(`${who}\n${operation}`).digest('hex');
}

async function rowsOf(context: ILoadOptionsFunctions, list: RecordList): Promise<IDataObject[]> {
	const key = await cacheKey(context, list.operation);
	const cached = recent.get(key);
	if (cached && Date.now() - cached.at < CACHE_MS) return await cached.rows;
	// The download in flight is shared too: keystrokes during it do not call 1C again.
	const rows = download(context, list);
	recent.delete(key);
	recent.set(key, { at: Date.now(), rows });
	while (recent.size > CACHE_ENTRIES) recent.delete(recent.keys().next().value as string);
	rows.catch(() => {
		if (recent.get(key)?.rows === rows) recent.delete(key);
	});
	return await rows;
}

async function download(context: ILoadOptionsFunctions, list: RecordList): Promise<IDataObject[]> {
	const reply = await oneCApiRequest(context, {
		operation: list.operation,
		params: {},
		effect: 'read',
		expectsTable: true,
	});
	return (Array.isArray(reply) ? reply : []) as IDataObject[];
}

function titleOf(list: RecordList, row: IDataObject): string {
	const parts = list.titleColumns
		.map((column) => row[column])
		.filter((value) => value !== undefined && value !== null && String(value).trim() !== '')
		.map(String);
	return parts.length > 0 ? parts.join(' · ') : String(row[list.idColumn]);
}

/** The records of one list whose title or ID contains the typed text, first 200; deleted ones left out. */
export async function searchRecordList(
	context: ILoadOptionsFunctions,
	list: RecordList,
	filter?: string,
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = (await rowsOf(context, list))
		.filter((row) => row.Deleted !== true && row[list.idColumn] !== undefined)
		.map((row) => ({ name: titleOf(list, row), value: String(row[list.idColumn]) }))
		.filter(
			(each) =>
				wanted === '' ||
				each.name.toLowerCase().includes(wanted) ||
				each.value.toLowerCase().includes(wanted),
		)
		.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
	return { results: results.slice(0, SHOWN) };
}

/** The node's listSearch methods, one per record list, and the push API's lines. */
export const listSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string) => Promise<INodeListSearchResult>
> = {
	...Object.fromEntries(
		RECORD_LISTS.map((list) => [
			list.method,
			async function (this: ILoadOptionsFunctions, filter?: string) {
				return await searchRecordList(this, list, filter);
			},
		]),
	),
	searchPushLines,
};

/** For tests: forget what the pickers downloaded. */
export function forgetPickerLists(): void {
	recent.clear();
}
