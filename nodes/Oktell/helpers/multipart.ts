import { randomBytes } from 'node:crypto';

export interface UploadFile {
	fileName: string;
	mimeType: string;
	bytes: Buffer;
}

/**
 * A multipart/form-data body with one part per file. Oktell names the saved files after the
 * `filename` of each part's Content-Disposition (RFC 6266 `filename*` for names outside ASCII).
 */
export function multipartBody(files: UploadFile[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nOktell${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	files.forEach((file, index) => {
		const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
		const header = [
			`--${boundary}`,
			`Content-Disposition: form-data; name="file${index + 1}"; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			`Content-Type: ${file.mimeType}`,
			'Content-Transfer-Encoding: binary',
			'',
			'',
		].join('\r\n');
		chunks.push(Buffer.from(header, 'utf8'), file.bytes, Buffer.from('\r\n'));
	});
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
