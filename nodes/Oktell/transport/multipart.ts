import { randomBytes } from 'node:crypto';

export interface UploadFile {
	fileName: string;
	mimeType: string;
	bytes: Buffer;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
/** `type/subtype` with optional `; name=value` parameters (RFC 9110 §8.3.1), nothing else. */
const MIME_TYPE = new RegExp(
	`^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|"[^"\\\\\\r\\n]*"))*$`,
);
const FALLBACK_MIME_TYPE = 'application/octet-stream';

/** A binary's MIME type as it may stand in a part header; anything else (a CR/LF) is replaced. */
export function partMimeType(mimeType: string | undefined): string {
	const trimmed = (mimeType ?? '').trim();
	return MIME_TYPE.test(trimmed) ? trimmed : FALLBACK_MIME_TYPE;
}

/**
 * A file name for `filename="…"` as browsers send it (WHATWG form encoding, RFC 7578 §4.2):
 * UTF-8 as it is, with `"`, CR and LF percent-encoded. Path separators, which no Windows file
 * name holds, become `_` so the name cannot point into another folder.
 */
export function partFileName(fileName: string): string {
	return fileName
		.replace(/[\\/]/g, '_')
		.replace(/"/g, '%22')
		.replace(/\r/g, '%0D')
		.replace(/\n/g, '%0A');
}

/**
 * A multipart/form-data body with one part per file. Oktell names the saved files after the
 * `filename` of each part's Content-Disposition; `filename*` is not sent (RFC 7578 §4.2 forbids it).
 * Oktell's page on upload asks for Content-Transfer-Encoding as well: `binary`, the bytes as they
 * are (RFC 2045 §6.1), though RFC 7578 §4.7 has dropped the header for other servers.
 */
export function multipartBody(files: UploadFile[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nOktell${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	files.forEach((file, index) => {
		const header = [
			`--${boundary}`,
			`Content-Disposition: form-data; name="file${index + 1}"; filename="${partFileName(file.fileName)}"`,
			`Content-Type: ${partMimeType(file.mimeType)}`,
			'Content-Transfer-Encoding: binary',
			'',
			'',
		].join('\r\n');
		chunks.push(Buffer.from(header, 'utf8'), file.bytes, Buffer.from('\r\n'));
	});
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
