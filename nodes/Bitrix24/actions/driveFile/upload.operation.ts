import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

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
import { batchLimits } from '../records/run-commands';
import { driveFileOutput, driveIdOf, folderIdProperty } from './drive-parameters';

export const option: OperationModule['option'] = {
	name: 'Upload',
	value: 'upload',
	description: "Upload an item's file to a Drive folder",
	action: 'Upload a file to Drive',
};

const MAX_UPLOAD_BYTES = MAX_INLINE_BYTES;

export const properties: INodeProperties[] = [
	folderIdProperty,
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field holding the file',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description: "The name on Drive; empty takes the file's own name",
	},
	{
		displayName: 'Keep Both If the Name Is Taken',
		name: 'uniqueName',
		type: 'boolean',
		default: true,
		description:
			'Whether a file whose name the folder already has is saved as "name (1).ext"; off, the upload fails instead',
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const target = targetOf(this);
	return await runPerItem(
		this,
		async (itemIndex) => {
			const folderId = driveIdOf(this, 'folderId', 'Folder', itemIndex);
			const file = await binaryFileOf(this, itemIndex);
			const reply = await bitrixApiRequest(this, target, {
				method: 'disk.folder.uploadfile',
				params: {
					id: folderId,
					data: { NAME: file.name },
					fileContent: [file.name, file.bytes.toString('base64')],
					generateUniqueName: this.getNodeParameter('uniqueName', itemIndex, true) === true,
				},
				effect: 'write',
				itemIndex,
				...batchLimits(this),
			});
			return driveFileOutput(reply.result);
		},
		{ concurrency: BITRIX24_CONCURRENCY, effect: 'write' },
	);
}

async function binaryFileOf(context: IExecuteFunctions, itemIndex: number) {
	const binary = await requiredBinary(context, itemIndex, binaryPropertyOf(context, itemIndex));
	if (binary.size > MAX_UPLOAD_BYTES) {
		throw inputError(
			context.getNode(),
			`The file in ${itemName(itemIndex)} is ${megabytesOf(binary.size)} MB, over the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB sent to Bitrix24 in one request here`,
			'Upload a smaller file, or split it; larger files can be put on Bitrix24 Drive from its own app or web page.',
			itemIndex,
		);
	}
	const given = String(context.getNodeParameter('fileName', itemIndex, '') ?? '').trim();
	const name = given || binary.fileName || `${binary.property}.bin`;
	return { name, bytes: await binary.buffer() };
}
