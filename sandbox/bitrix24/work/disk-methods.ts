// Drive as b24restdocs describes it: api-reference/disk/storage/disk-storage-get-list.md,
// disk-storage-get-children.md, api-reference/disk/folder/disk-folder-get-children.md,
// disk-folder-upload-file.md (fileContent as [name, Base64]; without it, "Uploading a File via URL":
// `{field, uploadUrl}`, then a multipart/form-data POST of the file to that address, answered with
// the saved file), api-reference/disk/file/disk-file-get.md
// (DOWNLOAD_URL is /rest/download.json?auth=…&token=…, fetched with a plain GET:
// api-reference/files/how-to-upload-files.md).
import type { RouteHandler } from '../../framework';
import { MethodError, bitrixError } from '../bitrix-errors';
import { nowStamp } from '../crm/store';
import type { MethodContext, MethodResult } from '../methods';
import { PAGE_SIZE } from '../crm/query';
import { listOf } from '../php-params';
import { originOf } from '../routes/rest';
import { saveRecord } from './telephony-methods';
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
	const unique = ['true', '1', 'Y'].includes(String(params.generateUniqueName));
	const content = listOf(params.fileContent);
	if (content.length === 0) {
		// The name is optional here: the uploaded form's file names the file.
		const token = portal.work.newToken();
		portal.work.uploads.set(token, {
			kind: 'disk',
			folderId: folder.ID,
			unique,
			userId: caller.userId,
		});
		const uploadUrl = `${caller.origin}/rest/upload.json?auth=${encodeURIComponent(authOf(context))}&token=${encodeURIComponent(`disk|${token}`)}`;
		return { result: { field: 'file', uploadUrl } };
	}
	const data = (params.data ?? {}) as Record<string, unknown>;
	const name = String(data.NAME ?? '').trim();
	if (name === '') {
		throw new MethodError(
			400,
			'DISK_BASE_SERVICE_22001',
			'Error: required parameter NAME (DISK_BASE_SERVICE_22001)',
		);
	}
	const base64 = String(content[1] ?? '');
	if (base64 === '' || !BASE64.test(base64)) {
		throw new MethodError(400, 'ERROR_COULD_NOT_SAVE_FILE', 'Could not save file');
	}
	const file = saveFile(portal, folder, {
		name,
		unique,
		userId: caller.userId,
		content: Buffer.from(base64, 'base64'),
	});
	return { result: driveRecord(file, caller.origin, authOf(context)) };
}

/** A new file in the folder; a name the folder has becomes "name (1)" when asked, else an error. */
function saveFile(
	portal: PortalState,
	folder: DriveObject,
	file: { name: string; unique: boolean; userId: number; content: Buffer },
): DriveObject {
	let finalName = file.name;
	const taken = (candidate: string) =>
		portal.work.drive.some((object) => object.PARENT_ID === folder.ID && object.NAME === candidate);
	if (taken(file.name)) {
		if (!file.unique) {
			throw new MethodError(400, 'DISK_OBJ_22000', 'Non unique object name (DISK_OBJ_22000)');
		}
		const dot = file.name.lastIndexOf('.');
		const [stem, extension] =
			dot > 0 ? [file.name.slice(0, dot), file.name.slice(dot)] : [file.name, ''];
		for (let n = 1; taken(finalName); n++) finalName = `${stem} (${n})${extension}`;
	}
	const saved: DriveObject = {
		ID: String(portal.work.nextId()),
		NAME: finalName,
		TYPE: 'file',
		STORAGE_ID: folder.STORAGE_ID,
		PARENT_ID: folder.ID,
		CREATE_TIME: nowStamp(),
		CREATED_BY: String(file.userId),
		content: file.content,
		token: portal.work.newToken(),
	};
	portal.work.drive.push(saved);
	return saved;
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

/**
 * POST /rest/upload.json?auth=…&token=<disk|telephony>|<token>: the multipart form with the file in
 * the field the address was given with (`file`). The docs show the Drive reply (the saved file);
 * for a call recording they name none, so it answers what the one-step call does (`FILE_ID`).
 */
export function uploadRoute(
	portal: PortalState,
	tokenIsValid: (token: string) => boolean,
): RouteHandler {
	return (request) => {
		const [kind, token] = (request.query.get('token') ?? '').split('|');
		const pending = portal.work.uploads.get(token ?? '');
		if (!pending || pending.kind !== kind) {
			return bitrixError(404, 'ERROR_NOT_FOUND', 'Upload not found');
		}
		const auth = request.query.get('auth') ?? '';
		if (!portal.work.downloadKeys.has(auth) && !tokenIsValid(auth)) {
			return bitrixError(401, 'NO_AUTH_FOUND', 'Wrong authorization data');
		}
		const part = formParts(request.headers['content-type'] ?? '', request.body).find(
			(candidate) => candidate.name === 'file' && candidate.fileName !== undefined,
		);
		if (!part) return bitrixError(400, 'ERROR_COULD_NOT_SAVE_FILE', 'Could not save file');
		try {
			if (pending.kind === 'telephony') {
				return {
					status: 200,
					body: { result: saveRecord(portal, pending.callId, pending.name, part.content) },
				};
			}
			const folder = portal.work.drive.find((object) => object.ID === pending.folderId);
			if (!folder) return bitrixError(404, 'ERROR_NOT_FOUND', 'Upload not found');
			const file = saveFile(portal, folder, {
				name: part.fileName as string,
				unique: pending.unique,
				userId: pending.userId,
				content: part.content,
			});
			return { status: 200, body: { result: driveRecord(file, originOf(request), auth) } };
		} catch (error) {
			if (error instanceof MethodError) return bitrixError(error.status, error.code, error.message);
			throw error;
		}
	};
}

interface FormPart {
	name?: string;
	fileName?: string;
	content: Buffer;
}

/** The parts of a multipart/form-data body (RFC 7578), by their Content-Disposition. */
function formParts(contentType: string, body: Buffer): FormPart[] {
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!/^multipart\/form-data/i.test(contentType) || !boundary) return [];
	const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
	const parts: FormPart[] = [];
	// The first delimiter has no line break before it.
	let at = body.indexOf(delimiter.subarray(2));
	while (at !== -1) {
		const start = at + (at === 0 ? delimiter.length - 2 : delimiter.length);
		if (body.subarray(start, start + 2).toString() === '--') break;
		const next = body.indexOf(delimiter, start);
		if (next === -1) break;
		const part = body.subarray(start + 2, next);
		const headEnd = part.indexOf('\r\n\r\n');
		if (headEnd === -1) break;
		const head = part.subarray(0, headEnd).toString('utf8');
		const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
		parts.push({
			name: /\bname="([^"]*)"/i.exec(disposition)?.[1],
			fileName: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
			content: part.subarray(headEnd + 4),
		});
		at = next;
	}
	return parts;
}
