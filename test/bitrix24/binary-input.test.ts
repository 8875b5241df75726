import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';

import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { findBinary } from '../../nodes/Bitrix24/actions/parameters/binary-input';

/** Just the binary helpers findBinary uses, counting what is read. */
function contextWith(binary: IBinaryData, stored: Buffer) {
	const calls: string[] = [];
	const context = {
		helpers: {
			assertBinaryData: () => binary,
			getBinaryMetadata: async (id: string) => {
				calls.push(`metadata ${id}`);
				return { fileSize: stored.length };
			},
			getBinaryStream: async (id: string) => {
				calls.push(`stream ${id}`);
				return Readable.from([stored.subarray(0, 3), stored.subarray(3)]);
			},
			getBinaryDataBuffer: async () => {
				calls.push('buffer');
				return stored;
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, calls };
}

async function read(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

describe('Bitrix24 binary input', () => {
	test('a file n8n keeps in its binary store (on disk, S3) is sized and streamed, never read whole', async () => {
		const bytes = Buffer.from('0123456789');
		const { context, calls } = contextWith(
			{ id: 'filesystem-v2:abc', data: 'filesystem-v2', mimeType: 'audio/wav', fileName: 'a.wav' },
			bytes,
		);

		const binary = await findBinary(context, 0, 'data');
		assert.equal(binary?.size, 10);
		assert.ok((await read(await (binary as NonNullable<typeof binary>).stream())).equals(bytes));
		assert.deepEqual(calls, ['metadata filesystem-v2:abc', 'stream filesystem-v2:abc']);
	});

	test('a file held in the item (base64) is sized without decoding it', async () => {
		const bytes = Buffer.from('hello world!');
		const { context, calls } = contextWith(
			{ data: bytes.toString('base64'), mimeType: 'text/plain', fileName: 'a.txt' },
			bytes,
		);

		const binary = await findBinary(context, 0, 'data');
		assert.equal(binary?.size, bytes.length);
		assert.deepEqual(calls, []);
		assert.ok((await read(await (binary as NonNullable<typeof binary>).stream())).equals(bytes));
	});
});
