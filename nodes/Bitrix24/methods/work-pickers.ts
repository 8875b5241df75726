import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { pageRecords } from '../transport';
import { runBatch } from '../transport/batch';
import { searchUsers as searchPortalUsers } from './pickers';
import { pickerCall, pickerTarget } from './picker-request';

const pageToken = (reply: { next?: number }) =>
	typeof reply.next === 'number' ? String(reply.next) : undefined;

/** Portal users for user pickers outside the User resource. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPortalUsers(this, filter, paginationToken);
}

/** Chats the user is in whose name holds the typed text (Bitrix24 searches from 2 letters). */
export async function searchChats(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	if (text.length < 2) return { results: [] };
	const offset = Number(paginationToken ?? 0) || 0;
	const reply = await pickerCall(this, 'im.search.chat.list', {
		FIND: text,
		OFFSET: offset,
		LIMIT: 50,
	});
	const rows = pageRecords(reply.result) as IDataObject[];
	const more = typeof reply.total === 'number' && offset + rows.length < reply.total;
	return {
		results: rows.map((row) => ({
			name: `${String(row.name)} (chat${String(row.id)})`,
			value: `chat${String(row.id)}`,
		})),
		paginationToken: more && rows.length > 0 ? String(offset + rows.length) : undefined,
	};
}

/** Tasks whose title holds the typed text, newest first. */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const reply = await pickerCall(this, 'tasks.task.list', {
		filter: text === '' ? {} : { '%TITLE': text },
		order: { ID: 'DESC' },
		start: Number(paginationToken ?? 0) || 0,
	});
	const rows = pageRecords(reply.result) as IDataObject[];
	return {
		results: rows.map((row) => ({
			name: `${String(row.title)} (${String(row.id)})`,
			value: String(row.id),
		})),
		paginationToken: pageToken(reply),
	};
}

/**
 * Drive folders: each storage's root and the folders in it (one list and one batch request a page
 * of 50 storages; every user and group has a storage, so further pages follow as the list
 * scrolls); typed text filters them by name. Deeper folders are picked By ID.
 */
export async function searchDriveFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim().toLowerCase();
	const reply = await pickerCall(this, 'disk.storage.getlist', {
		start: Number(paginationToken ?? 0) || 0,
	});
	const storages = pageRecords(reply.result) as IDataObject[];
	const roots = storages.filter((storage) => storage.ROOT_OBJECT_ID !== undefined);
	const outcomes =
		roots.length === 0
			? new Map()
			: await runBatch(
					this,
					pickerTarget(this),
					roots.map((storage, index) => ({
						key: `s${index}`,
						method: 'disk.folder.getchildren',
						params: { id: storage.ROOT_OBJECT_ID as string, filter: { TYPE: 'folder' } },
					})),
					{ effect: 'read' },
				);
	const results = roots.flatMap((storage, index) => {
		const outcome = outcomes.get(`s${index}`);
		const folders = outcome?.ok ? (pageRecords(outcome.result) as IDataObject[]) : [];
		return [
			{ name: `${String(storage.NAME)} /`, value: String(storage.ROOT_OBJECT_ID) },
			...folders.map((folder) => ({
				name: `${String(storage.NAME)} / ${String(folder.NAME)}`,
				value: String(folder.ID),
			})),
		];
	});
	return {
		results: results.filter((entry) => text === '' || entry.name.toLowerCase().includes(text)),
		paginationToken: pageToken(reply),
	};
}
