import { Readable } from 'node:stream';

import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';

/**
 * Files go Base64 inside one request: a third larger, and held in memory while it is sent.
 * Bitrix24 takes far more in one call (2 GB in the cloud); this keeps n8n's memory in bounds.
 */
export const MAX_INLINE_BYTES = 25 * 1024 * 1024;

/**
 * Files up to this size go Base64 inside one request (held in memory, a third larger); larger
 * ones, where the method has the two-step upload, go to an upload address, streamed. Bitrix24
 * names no size to switch at (its cloud takes up to 2 GB a request:
 * api-reference/files/how-to-upload-files.md, "Limitations"); this keeps memory small.
 */
export const ONE_REQUEST_BYTES = 10 * 1024 * 1024;

/** An item's binary field, read only as far as it is asked: its size first, the bytes on demand. */
export interface InputBinary {
	property: string;
	fileName?: string;
	mimeType?: string;
	/** In bytes, known without reading the file. */
	size: number;
	buffer: () => Promise<Buffer>;
	/** The bytes as a stream: from n8n's binary store without loading the file where it keeps files on disk. */
	stream: () => Promise<Readable>;
}

/** The item's binary field, or undefined when the item has none by that name. */
export async function findBinary(
	context: IExecuteFunctions,
	itemIndex: number,
	property: string,
): Promise<InputBinary | undefined> {
	let binary: IBinaryData;
	try {
		binary = context.helpers.assertBinaryData(itemIndex, property);
	} catch {
		return undefined;
	}
	const stored = binary.id;
	const size = stored
		? (await context.helpers.getBinaryMetadata(stored)).fileSize
		: Buffer.byteLength(binary.data ?? '', 'base64');
	const buffer = async () => await context.helpers.getBinaryDataBuffer(itemIndex, property);
	return {
		property,
		fileName: binary.fileName,
		mimeType: binary.mimeType,
		size,
		buffer,
		stream: async () =>
			stored ? await context.helpers.getBinaryStream(stored) : Readable.from([await buffer()]),
	};
}

/** The item's binary field named by a parameter, or the item's error saying what to enter. */
export async function requiredBinary(
	context: IExecuteFunctions,
	itemIndex: number,
	property: string,
	what = 'file',
): Promise<InputBinary> {
	const found = await findBinary(context, itemIndex, property);
	if (found) return found;
	throw inputError(
		context.getNode(),
		`${itemName(itemIndex)} has no binary field "${property}"`,
		`Enter the name of the binary field that holds the ${what} (see the item's Binary tab), such as data.`,
		itemIndex,
	);
}

export const megabytesOf = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The input binary field a parameter names, trimmed. */
export const binaryPropertyOf = (
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'binaryPropertyName',
) => String(context.getNodeParameter(name, itemIndex, 'data') ?? '').trim();
