import type {
	IBinaryKeyData,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

import { isPlainObject } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import { downloadLinkedFile } from '../transport/push/push-file';
import { FILE_MESSAGE_TYPE } from './hook-events';

export interface FileLink {
	url: string;
	fileName: string;
}

const URL_FIELDS = ['url', 'file_url', 'link'];
/** A message with more links than this is read for its first ones only. */
const MAX_FILES_PER_MESSAGE = 10;
const NAME_FIELDS = ['file_name', 'name'];

/**
 * The files a client's message links to. The wiki pages found do not show a file in a hook call,
 * so the link is looked for where such calls put it: `file`/`files`, or `data` and its
 * `file`/`files`, each with an http(s) `url` (or `file_url`, `link`) and a `file_name` (or `name`).
 */
export function fileLinksOf(call: IDataObject): FileLink[] {
	// Only a file message is read: a link in any other call is not fetched by n8n.
	if (call.message_type !== FILE_MESSAGE_TYPE) return [];
	const data = isPlainObject(call.data) ? call.data : {};
	const listed = (value: unknown) => (Array.isArray(value) ? (value as unknown[]) : [value]);
	const candidates = [
		...listed(call.file),
		...listed(call.files),
		data,
		...listed(data.file),
		...listed(data.files),
	];
	const links: FileLink[] = [];
	for (const candidate of candidates) {
		if (!isPlainObject(candidate)) continue;
		const url = URL_FIELDS.map((field) => candidate[field]).find(isWebAddress);
		if (!url || links.some((link) => link.url === url)) continue;
		const named = NAME_FIELDS.map((field) => candidate[field]).find(
			(value): value is string => typeof value === 'string' && value.trim() !== '',
		);
		links.push({ url, fileName: named ?? nameInPath(url) });
		if (links.length === MAX_FILES_PER_MESSAGE) break;
	}
	return links;
}

/**
 * The item with each linked file as binary data (`data`, then `data_1`, …). A file that cannot be
 * read, or is larger than the cap, is named in `fileErrors`: the message itself is never lost.
 */
export async function withFiles(
	context: IWebhookFunctions,
	item: IDataObject,
	links: FileLink[],
	maxBytes: number,
): Promise<INodeExecutionData> {
	const binary: IBinaryKeyData = {};
	const fileErrors: IDataObject[] = [];
	for (const [index, link] of links.entries()) {
		try {
			const file = await downloadLinkedFile(context as unknown as RequestContext, link.url, {
				maxBytes,
			});
			const key = index === 0 ? 'data' : `data_${index}`;
			binary[key] = await context.helpers.prepareBinaryData(
				file.body,
				link.fileName,
				file.contentType?.split(';')[0].trim() || undefined,
			);
		} catch (error) {
			fileErrors.push({ fileName: link.fileName, error: (error as Error).message });
		}
	}
	return {
		json: fileErrors.length > 0 ? { ...item, fileErrors } : item,
		...(Object.keys(binary).length > 0 ? { binary } : {}),
	};
}

function isWebAddress(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
}

function nameInPath(url: string): string {
	const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
	try {
		return last ? decodeURIComponent(last) : 'file';
	} catch {
		return last ?? 'file';
	}
}
