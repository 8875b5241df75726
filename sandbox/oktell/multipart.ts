export interface UploadedPart {
	fileName?: string;
	bytes: Buffer;
	/** The part's headers, names in lower case. */
	headers: Record<string, string>;
}

/**
 * The vendor page (oktell-http-api.ru.txt, "upload"): "В запросе должны также присутствовать поля
 * Content-Transfer-Encoding, Content-Disposition" — every file part of a multipart body, or the
 * request itself for application/octet-stream, carries both. How Oktell answers a part without
 * them is not documented: the simulator answers 400 and names the missing header. It stores a
 * part as sent, so it takes only the encodings that leave data as it is (RFC 2045 §6.1).
 */
const REQUIRED_HEADERS = ['Content-Disposition', 'Content-Transfer-Encoding'];
const STORED_AS_IS = new Set(['binary', '8bit', '7bit']);

/** Why Oktell would not take a part with these headers, or undefined when it would. */
export function partProblem(headers: Record<string, string | undefined>): string | undefined {
	const missing = REQUIRED_HEADERS.filter((name) => !headers[name.toLowerCase()]?.trim());
	if (missing.length > 0) return `Each uploaded file must carry ${missing.join(' and ')}`;
	const encoding = headers['content-transfer-encoding']?.trim().toLowerCase() ?? '';
	if (!STORED_AS_IS.has(encoding)) return `Content-Transfer-Encoding ${encoding} is not supported`;
	return undefined;
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
			const headers = headersIn(part.subarray(0, headerEnd).toString('utf8'));
			parts.push({
				fileName: fileNameIn(headers['content-disposition'] ?? ''),
				bytes: part.subarray(headerEnd + 4),
				headers,
			});
		}
		start = next;
	}
	return parts;
}

function headersIn(text: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of text.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

export function fileNameIn(disposition: string): string | undefined {
	const extended = /filename\*=UTF-8''([^;\r\n]+)/i.exec(disposition);
	if (extended) return decodeURIComponent(extended[1]);
	return /filename="([^"]*)"/i.exec(disposition)?.[1];
}
