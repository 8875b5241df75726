export interface UploadedPart {
	fileName?: string;
	bytes: Buffer;
}

/** The parts of a multipart/form-data body, with the file name each Content-Disposition gives. */
export function parseMultipart(body: Buffer, contentType: string): UploadedPart[] {
	const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
	if (!boundary) throw new Error('multipart/form-data without a boundary');
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: UploadedPart[] = [];
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const part = body.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const headers = part.subarray(0, headerEnd).toString('utf8');
			parts.push({ fileName: fileNameIn(headers), bytes: part.subarray(headerEnd + 4) });
		}
		start = next;
	}
	return parts;
}

function fileNameIn(headers: string): string | undefined {
	const extended = /filename\*=UTF-8''([^;\r\n]+)/i.exec(headers);
	if (extended) return decodeURIComponent(extended[1]);
	return /filename="([^"]*)"/i.exec(headers)?.[1];
}
