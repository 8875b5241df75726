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
import { uploadInTwoSteps } from '../../transport/upload';
import { ONE_REQUEST_BYTES, binaryPropertyOf, requiredBinary } from '../parameters/binary-input';
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
			const limits = batchLimits(this);
			const attached =
				record.binary.size > ONE_REQUEST_BYTES
					? await uploadInTwoSteps(this, target, {
							// FILENAME without FILE_CONTENT: the method answers `uploadUrl` and `fieldName`.
							method: 'telephony.externalcall.attachrecord',
							params: { CALL_ID: callId, FILENAME: record.name },
							fieldKey: 'fieldName',
							file: {
								fileName: record.name,
								mimeType: record.binary.mimeType,
								size: record.binary.size,
								stream: record.binary.stream,
							},
							itemIndex,
							limits,
							hint: 'Check that the call is finished and the credential has the telephony right.',
							savedHint:
								'Open the call in Bitrix24 (telephony history) and see whether the recording is attached before sending it again.',
						})
					: (
							await bitrixApiRequest(this, target, {
								method: 'telephony.externalcall.attachrecord',
								params: {
									CALL_ID: callId,
									FILENAME: record.name,
									FILE_CONTENT: (await record.binary.buffer()).toString('base64'),
								},
								effect: 'write',
								itemIndex,
								...limits,
							})
						).result;
			const result = (attached ?? {}) as IDataObject;
			return {
				callId,
				fileId: result.FILE_ID,
				fileName: record.name,
				fileSize: record.binary.size,
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
	if (binary.size === 0) {
		throw inputError(
			node,
			`The recording in ${itemName(itemIndex)} is empty`,
			'Check that the previous node downloaded the recording.',
			itemIndex,
		);
	}
	return { name, binary };
}
