import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { BITRIX24_CONCURRENCY, bitrixApiRequest } from '../../transport';
import {
	MAX_INLINE_BYTES,
	binaryPropertyOf,
	megabytesOf,
	requiredBinary,
} from '../parameters/binary-input';
import { optionsProperty, targetOf } from '../parameters/portal-options';
import { requiredTextOf } from '../parameters/task-locator';
import { batchLimits } from '../records/run-commands';
import { callIdProperty } from './call-parameters';

export const option: OperationModule['option'] = {
	name: 'Attach Record',
	value: 'attachRecord',
	description: "Attach a finished call's recording (MP3 or WAV) from a binary field",
	action: 'Attach a call recording',
};

export const properties: INodeProperties[] = [
	callIdProperty,
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the recording',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'call-2026-12-07.mp3',
		description: "Ending in .mp3 or .wav; empty takes the file's own name",
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const target = targetOf(this);
	return await runPerItem(
		this,
		async (itemIndex) => {
			const callId = requiredTextOf(this, 'callId', 'Call ID', itemIndex);
			const record = await recordingOf(this, itemIndex);
			const reply = await bitrixApiRequest(this, target, {
				method: 'telephony.externalcall.attachrecord',
				params: {
					CALL_ID: callId,
					FILENAME: record.name,
					FILE_CONTENT: record.bytes.toString('base64'),
				},
				effect: 'write',
				itemIndex,
				...batchLimits(this),
			});
			const result = (reply.result ?? {}) as IDataObject;
			return {
				callId,
				fileId: result.FILE_ID,
				fileName: record.name,
				fileSize: record.bytes.length,
			};
		},
		{ concurrency: BITRIX24_CONCURRENCY, effect: 'write' },
	);
}

async function recordingOf(context: IExecuteFunctions, itemIndex: number) {
	const node = context.getNode();
	const binary = await requiredBinary(
		context,
		itemIndex,
		binaryPropertyOf(context, itemIndex),
		'recording',
	);
	const given = String(context.getNodeParameter('fileName', itemIndex, '') ?? '').trim();
	const name = given || binary.fileName || '';
	if (!/\.(mp3|wav)$/i.test(name)) {
		throw inputError(
			node,
			`The recording in ${itemName(itemIndex)} is named ${JSON.stringify(name)}; Bitrix24 takes only .mp3 and .wav files`,
			'Set File Name to a name ending in .mp3 or .wav that matches the recording.',
			itemIndex,
		);
	}
	if (binary.size === 0 || binary.size > MAX_INLINE_BYTES) {
		throw inputError(
			node,
			binary.size === 0
				? `The recording in ${itemName(itemIndex)} is empty`
				: `The recording in ${itemName(itemIndex)} is ${megabytesOf(binary.size)} MB, over the ${MAX_INLINE_BYTES / 1024 / 1024} MB sent to Bitrix24 in one request here`,
			'Check that the previous node downloaded the recording, or convert it to a smaller MP3.',
			itemIndex,
		);
	}
	return { name, bytes: await binary.buffer() };
}
