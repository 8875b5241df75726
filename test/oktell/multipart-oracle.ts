// Reads a multipart body with formidable, an independent parser (installed with the dev tooling),
// so the tests check what a server sees rather than what our own encoder meant to write.
import { createRequire } from 'node:module';
import { Readable, Writable } from 'node:stream';

export interface ParsedPart {
	field: string;
	/** The file name as the server would store it. */
	fileName: string | null;
	mimeType: string | null;
	bytes: Buffer;
}

interface FormidableFile {
	originalFilename: string | null;
	mimetype: string | null;
	newFilename: string;
}

type Formidable = (options: Record<string, unknown>) => {
	parse(request: Readable): Promise<[Record<string, string[]>, Record<string, FormidableFile[]>]>;
};

const { formidable } = createRequire(__filename)('formidable') as { formidable: Formidable };

export async function parseMultipart(
	body: Buffer,
	contentType: string,
): Promise<{
	parts: ParsedPart[];
	fields: Record<string, string[]>;
}> {
	const written = new Map<string, Buffer[]>();
	const form = formidable({
		allowEmptyFiles: true,
		minFileSize: 0,
		fileWriteStreamHandler: (file: FormidableFile) => {
			const chunks: Buffer[] = [];
			written.set(file.newFilename, chunks);
			return new Writable({
				write(chunk: Buffer, _encoding, done) {
					chunks.push(chunk);
					done();
				},
			});
		},
	});
	const request = Object.assign(Readable.from([body]), {
		headers: { 'content-type': contentType, 'content-length': String(body.length) },
	});
	const [fields, files] = await form.parse(request);
	const parts = Object.entries(files).flatMap(([field, list]) =>
		list.map((file) => ({
			field,
			fileName: file.originalFilename,
			mimeType: file.mimetype,
			bytes: Buffer.concat(written.get(file.newFilename) ?? []),
		})),
	);
	return { parts, fields };
}
