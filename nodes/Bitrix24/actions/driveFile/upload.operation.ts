import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import type { BitrixTarget } from '../../transport';
import { BITRIX24_CONCURRENCY, bitrixApiRequest } from '../../transport';
import { uploadInTwoSteps } from '../../transport/upload';
import type { InputBinary } from '../parameters/binary-input';
import { ONE_REQUEST_BYTES, binaryPropertyOf, requiredBinary } from '../parameters/binary-input';
import { optionsProperty, targetOf } from '../parameters/portal-options';
import { batchLimits } from '../records/run-commands';
import { driveFileOutput, driveIdOf, folderIdProperty } from './drive-parameters';

export const option: OperationModule['option'] = {
	name: 'Upload',
	value: 'upload',
	description: "Upload an item's file to a Drive folder",
	action: 'Upload a file to Drive',
};

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
			const binary = await requiredBinary(this, itemIndex, binaryPropertyOf(this, itemIndex));
			const given = String(this.getNodeParameter('fileName', itemIndex, '') ?? '').trim();
			const file = { name: given || binary.fileName || `${binary.property}.bin`, binary };
			const uniqueName = this.getNodeParameter('uniqueName', itemIndex, true) === true;
			const saved =
				binary.size > ONE_REQUEST_BYTES
					? await uploadThroughAddress(this, target, { folderId, uniqueName, itemIndex, ...file })
					: await uploadInOneRequest(this, target, { folderId, uniqueName, itemIndex, ...file });
			return driveFileOutput(saved);
		},
		{ concurrency: BITRIX24_CONCURRENCY, effect: 'write' },
	);
}

interface Upload {
	folderId: number;
	uniqueName: boolean;
	itemIndex: number;
	name: string;
	binary: InputBinary;
}

/** The file Base64 inside the method's own request (`fileContent`). */
async function uploadInOneRequest(
	context: IExecuteFunctions,
	target: BitrixTarget,
	upload: Upload,
) {
	const bytes = await upload.binary.buffer();
	const reply = await bitrixApiRequest(context, target, {
		method: 'disk.folder.uploadfile',
		params: {
			id: upload.folderId,
			data: { NAME: upload.name },
			fileContent: [upload.name, bytes.toString('base64')],
			generateUniqueName: upload.uniqueName,
		},
		effect: 'write',
		itemIndex: upload.itemIndex,
		...batchLimits(context),
	});
	return reply.result;
}

/** Without `fileContent` the method answers an upload address and a form field (its "Uploading a File via URL"). */
async function uploadThroughAddress(
	context: IExecuteFunctions,
	target: BitrixTarget,
	upload: Upload,
) {
	return await uploadInTwoSteps(context, target, {
		method: 'disk.folder.uploadfile',
		params: { id: upload.folderId, generateUniqueName: upload.uniqueName },
		fieldKey: 'field',
		file: {
			fileName: upload.name,
			mimeType: upload.binary.mimeType,
			size: upload.binary.size,
			stream: upload.binary.stream,
		},
		itemIndex: upload.itemIndex,
		limits: batchLimits(context),
		hint: 'Check that the credential may add files to this folder.',
		savedHint: 'Look in the Drive folder whether the file arrived before uploading it again.',
	});
}
