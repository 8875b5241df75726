export interface FormPart {
	name: string;
	fileName?: string;
	contentType?: string;
	bytes: Buffer;
}

/** The named parts of a multipart/form-data body (RFC 7578). */
export function parseFormParts(body: Buffer, contentType: string): FormPart[] {
	const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
	if (!boundary) throw new Error('multipart/form-data without a boundary');
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: FormPart[] = [];
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const part = body.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const headers = part.subarray(0, headerEnd).toString('utf8');
			const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
			parts.push({
				name: /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '',
				fileName: /filename="([^"]*)"/i.exec(disposition)?.[1],
				contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim(),
				bytes: part.subarray(headerEnd + 4),
			});
		}
		start = next;
	}
	return parts;
}
