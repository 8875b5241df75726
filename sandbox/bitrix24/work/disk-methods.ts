// Drive as b24restdocs describes it: api-reference/disk/storage/disk-storage-get-list.md,
// disk-storage-get-children.md, api-reference/disk/folder/disk-folder-get-children.md,
// disk-folder-upload-file.md (fileContent as [name, Base64]), api-reference/disk/file/disk-file-get.md
// (DOWNLOAD_URL is /rest/download.json?auth=…&token=…, fetched with a plain GET:
// api-reference/files/how-to-upload-files.md).
import type { RouteHandler } from '../../framework';
import { MethodError, bitrixError } from '../bitrix-errors';
import { nowStamp } from '../crm/store';
import type { MethodContext, MethodResult } from '../methods';
import { PAGE_SIZE } from '../crm/query';
import { listOf } from '../php-params';
import type { PortalState } from '../portal-state';
import type { DriveObject } from './work-state';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const notFound = (id: unknown) =>
	new MethodError(400, 'ERROR_NOT_FOUND', `Could not find entity with id \`${String(id)}\``);

function requiredId(params: Record<string, unknown>): string {
	const id = String(params.id ?? '').trim();
	if (id === '')
		throw new MethodError(400, 'ERROR_ARGUMENT', 'Invalid value of parameter {Parameter #0}');
	return id;
}

/** What Bitrix24 answers for a Drive object: no content, a download link for files. */
export function driveRecord(object: DriveObject, origin: string, auth: string) {
	const { content, token, ...fields } = object;
	if (object.TYPE === 'folder') return { ...fields, REAL_OBJECT_ID: object.ID };
	return {
		...fields,
		FILE_ID: String(Number(object.ID) + 30000),
		SIZE: String(content?.length ?? 0),
		GLOBAL_CONTENT_VERSION: '1',
		DOWNLOAD_URL: `${origin}/rest/download.json?auth=${encodeURIComponent(auth)}&token=${encodeURIComponent(`disk|${object.ID}|${token ?? ''}`)}`,
		DETAIL_URL: `${origin}/docs/file/${encodeURIComponent(object.NAME)}`,
		DELETED_TYPE: '0',
		UPDATED_BY: object.CREATED_BY,
		UPDATE_TIME: object.CREATE_TIME,
	};
}

function authOf({ caller, params, portal }: MethodContext): string {
	// An app's link carries its access token; a webhook's link a key of the portal's own.
	return typeof params.auth === 'string' ? params.auth : portal.work.downloadKey(caller.userId);
}

function page<T>(rows: T[], params: Record<string, unknown>): MethodResult {
	const start = Math.max(0, Number(params.start ?? 0) || 0);
	const slice = rows.slice(start, start + PAGE_SIZE);
	const next = start + PAGE_SIZE < rows.length ? start + PAGE_SIZE : undefined;
	return { result: slice, total: rows.length, ...(next === undefined ? {} : { next }) };
}

function childrenOf(context: MethodContext, folderId: string): MethodResult {
	const { portal, params, caller } = context;
	const filter = (params.filter ?? {}) as Record<string, unknown>;
	const rows = portal.work.drive
		.filter((object) => object.PARENT_ID === folderId)
		.filter((object) => filter.TYPE === undefined || object.TYPE === String(filter.TYPE))
		.map((object) => driveRecord(object, caller.origin, authOf(context)));
	return page(rows, params);
}

function upload(context: MethodContext): MethodResult {
	const { params, portal, caller } = context;
	const folder = portal.work.drive.find((object) => object.ID === requiredId(params));
	if (!folder || folder.TYPE !== 'folder') throw notFound(params.id);
	const data = (params.data ?? {}) as Record<string, unknown>;
	const name = String(data.NAME ?? '').trim();
	if (name === '') {
		throw new MethodError(
			400,
			'DISK_BASE_SERVICE_22001',
			'Error: required parameter NAME (DISK_BASE_SERVICE_22001)',
		);
	}
	const content = listOf(params.fileContent);
	if (content.length === 0) {
		// Without fileContent Bitrix24 answers an upload address instead (not simulated).
		throw new MethodError(400, 'ERROR_ARGUMENT', 'fileContent is required by this simulator');
	}
	const base64 = String(content[1] ?? '');
	if (base64 === '' || !BASE64.test(base64)) {
		throw new MethodError(400, 'ERROR_COULD_NOT_SAVE_FILE', 'Could not save file');
	}
	let finalName = name;
	const taken = (candidate: string) =>
		portal.work.drive.some((object) => object.PARENT_ID === folder.ID && object.NAME === candidate);
	if (taken(name)) {
		if (!['true', '1', 'Y'].includes(String(params.generateUniqueName))) {
			throw new MethodError(400, 'DISK_OBJ_22000', 'Non unique object name (DISK_OBJ_22000)');
		}
		const dot = name.lastIndexOf('.');
		const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
		for (let n = 1; taken(finalName); n++) finalName = `${stem} (${n})${extension}`;
	}
	const file: DriveObject = {
		ID: String(portal.work.nextId()),
		NAME: finalName,
		TYPE: 'file',
		STORAGE_ID: folder.STORAGE_ID,
		PARENT_ID: folder.ID,
		CREATE_TIME: nowStamp(),
		CREATED_BY: String(caller.userId),
		content: Buffer.from(base64, 'base64'),
		token: portal.work.newToken(),
	};
	portal.work.drive.push(file);
	return { result: driveRecord(file, caller.origin, authOf(context)) };
}

export const DISK_METHODS = {
	'disk.storage.getlist': ({ params, portal }: MethodContext) => page(portal.work.storages, params),
	'disk.storage.getchildren': (context: MethodContext) => {
		const storage = context.portal.work.storages.find(
			(candidate) => candidate.ID === requiredId(context.params),
		);
		if (!storage) throw notFound(context.params.id);
		return childrenOf(context, storage.ROOT_OBJECT_ID);
	},
	'disk.folder.getchildren': (context: MethodContext) => {
		const id = requiredId(context.params);
		const folder = context.portal.work.drive.find((object) => object.ID === id);
		if (!folder || folder.TYPE !== 'folder') throw notFound(id);
		return childrenOf(context, id);
	},
	'disk.folder.uploadfile': upload,
	'disk.file.get': (context: MethodContext) => {
		const id = requiredId(context.params);
		const file = context.portal.work.drive.find((object) => object.ID === id);
		if (!file || file.TYPE !== 'file') throw notFound(id);
		return {
			result: driveRecord(file, context.caller.origin, authOf(context)),
		};
	},
};

/** GET /rest/download.json?auth=…&token=disk|<id>|<signature>: the file's bytes. */
export function downloadRoute(
	portal: PortalState,
	tokenIsValid: (token: string) => boolean,
): RouteHandler {
	return (request) => {
		const [kind, id, signature] = (request.query.get('token') ?? '').split('|');
		const file = portal.work.drive.find((object) => object.ID === id && object.TYPE === 'file');
		if (kind !== 'disk' || !file || !signature || file.token !== signature) {
			return bitrixError(404, 'ERROR_NOT_FOUND', 'File not found');
		}
		const auth = request.query.get('auth') ?? '';
		if (!portal.work.downloadKeys.has(auth) && !tokenIsValid(auth)) {
			return bitrixError(401, 'NO_AUTH_FOUND', 'Wrong authorization data');
		}
		return {
			status: 200,
			headers: {
				'content-type': 'application/octet-stream',
				'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.NAME)}`,
			},
			body: file.content ?? Buffer.alloc(0),
		};
	};
}
