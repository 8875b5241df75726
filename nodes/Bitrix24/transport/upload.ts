import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { redactSecrets } from '../../shared/errors/redact';
import { decodeReplyText, parseJsonReply, quoteStart } from '../../shared/http/reply-body';
import { isPlainObject } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import { sendVendorRequest } from '../../shared/http/vendor-request';
import type { BitrixTarget } from './index';
import { bitrixApiRequest } from './index';
import { resolvePortal } from './portal';
import { linkHooks, linkReplyError, portalLink } from './portal-link';

export interface PortalUpload {
	/** The upload address Bitrix24 gave (`uploadUrl`), and the form field it names (`field`). */
	url: string;
	field: string;
	fileName: string;
	mimeType?: string;
	/** The file's length in bytes: sent as the body's length, and checked against what streams. */
	size: number;
	stream: () => Promise<Readable>;
	itemIndex: number;
	timeoutMs: number;
	maxReplyBytes: number;
	limitsHint?: string;
	/** Where to look whether the file arrived, when the reply does not say. */
	savedHint: string;
}

/**
 * Sends a file to the upload address Bitrix24 gave, as `multipart/form-data` with the file in the
 * form field it named (api-reference/disk/folder/disk-folder-upload-file.md, "Uploading a File via
 * URL"), streamed from n8n's binary store. The address carries its own access key, so nothing
 * else of the credential is sent, and only to the portal's own address. It is a write: a dropped
 * connection is not repeated, its error says the file may have been saved. Returns the reply's
 * `result`, the saved file.
 */
export async function uploadToPortal(
	context: RequestContext,
	target: BitrixTarget,
	upload: PortalUpload,
): Promise<unknown> {
	const portal = await resolvePortal(context, target.mode);
	const link = portalLink(context, portal, upload.url, {
		itemIndex: upload.itemIndex,
		what: 'an upload address',
		outcome: 'the file was not sent',
	});
	const boundary = `----n8nBitrix24${randomBytes(12).toString('hex')}`;
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="${formText(upload.field)}"; filename="${formText(upload.fileName)}"\r\nContent-Type: ${upload.mimeType || 'application/octet-stream'}\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const body = Readable.from(framed(head, await upload.stream(), upload.size, tail));
	const response = await sendVendorRequest(
		context,
		{ ...linkHooks(portal, target, link, upload), withoutCredentials: true },
		{
			method: 'POST',
			url: link.url.toString(),
			headers: {
				Accept: 'application/json',
				'Content-Type': `multipart/form-data; boundary=${boundary}`,
				'Content-Length': String(head.length + upload.size + tail.length),
			},
			body: body as unknown as IHttpRequestOptions['body'],
			timeoutMs: upload.timeoutMs,
			maxReplyBytes: upload.maxReplyBytes,
			effect: 'write',
		},
	);
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw linkReplyError(context, portal, link, response, {
			method: 'file upload',
			itemIndex: upload.itemIndex,
		});
	}
	const text = redactSecrets(decodeReplyText(response.body), link.secrets);
	const parsed = parseJsonReply(text, 'Bitrix24');
	if (parsed.ok && isPlainObject(parsed.value) && 'error' in parsed.value) {
		throw linkReplyError(context, portal, link, response, {
			method: 'file upload',
			itemIndex: upload.itemIndex,
		});
	}
	if (!parsed.ok || !isPlainObject(parsed.value) || !isPlainObject(parsed.value.result)) {
		throw apiError(context.getNode(), {
			message: `Bitrix24 answered the file upload with something other than the saved file: ${quoteStart(text)}`,
			description: upload.savedHint,
			httpCode: response.statusCode,
			itemIndex: upload.itemIndex,
			mayHaveApplied: 'Bitrix24',
		});
	}
	return parsed.value.result;
}

/** Time the upload may take beyond the Timeout option, per megabyte of the file. */
const SECONDS_PER_MEGABYTE = 4;

export interface TwoStepUpload {
	/** The method and its parameters that answer an upload address instead of taking the file. */
	method: string;
	params: IDataObject;
	/** Where the reply names the form field: `field` (Drive), `fieldName` (call recordings). */
	fieldKey: string;
	file: Pick<PortalUpload, 'fileName' | 'mimeType' | 'size' | 'stream'>;
	itemIndex: number;
	limits: { timeoutMs: number; maxReplyBytes: number; limitsHint?: string };
	/** What to check when no address comes back. */
	hint: string;
	/** Where to look whether the file arrived, when the upload's reply does not say. */
	savedHint: string;
}

/**
 * The two steps Bitrix24's REST docs give for a file too large for one request
 * (api-reference/files/index.md): the method called without the file's content answers an upload
 * address and a form field, and the file goes there. Asking for the address changes nothing, so
 * it may be asked again; the upload is never repeated. The whole file must pass within the
 * Timeout option plus four seconds per megabyte (an uplink of about 2 Mbit/s).
 */
export async function uploadInTwoSteps(
	context: RequestContext,
	target: BitrixTarget,
	upload: TwoStepUpload,
): Promise<unknown> {
	const reply = await bitrixApiRequest(context, target, {
		method: upload.method,
		params: upload.params,
		effect: 'write',
		repeatable: true,
		itemIndex: upload.itemIndex,
		...upload.limits,
	});
	const answer = (isPlainObject(reply.result) ? reply.result : {}) as IDataObject;
	const url = answer.uploadUrl;
	const field = answer[upload.fieldKey];
	if (typeof url !== 'string' || typeof field !== 'string' || !/^[\w.[\]-]{1,100}$/.test(field)) {
		throw apiError(context.getNode(), {
			message: 'Bitrix24 gave no address to upload the file to',
			description: `${upload.hint} Nothing was uploaded, so the item can be run again.`,
			itemIndex: upload.itemIndex,
		});
	}
	const megabytes = Math.ceil(upload.file.size / (1024 * 1024));
	return await uploadToPortal(context, target, {
		...upload.file,
		url,
		field,
		itemIndex: upload.itemIndex,
		timeoutMs: upload.limits.timeoutMs + megabytes * SECONDS_PER_MEGABYTE * 1000,
		maxReplyBytes: upload.limits.maxReplyBytes,
		limitsHint: upload.limits.limitsHint,
		savedHint: upload.savedHint,
	});
}

/** A name inside a form header: quotes and line breaks escaped as browsers do (HTML's form rules). */
const formText = (text: string) =>
	text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** The part's head, the file as it streams, then the closing boundary; the file must be `size` bytes. */
async function* framed(head: Buffer, file: Readable, size: number, tail: Buffer) {
	yield head;
	let sent = 0;
	for await (const chunk of file) {
		const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
		sent += bytes.length;
		if (sent > size) break;
		yield bytes;
	}
	if (sent !== size) {
		file.destroy();
		throw new Error(`The file was ${sent > size ? 'longer' : 'shorter'} than its ${size} bytes`);
	}
	yield tail;
}
