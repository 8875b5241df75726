import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { apiError } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import type { BitrixTarget } from '../../transport';
import { BITRIX24_CONCURRENCY, bitrixApiRequest } from '../../transport';
import { uploadToPortal } from '../../transport/upload';
import type { InputBinary } from '../parameters/binary-input';
import { binaryPropertyOf, requiredBinary } from '../parameters/binary-input';
import { optionsProperty, targetOf } from '../parameters/portal-options';
import { batchLimits } from '../records/run-commands';
import { driveFileOutput, driveIdOf, folderIdProperty } from './drive-parameters';

export const option: OperationModule['option'] = {
	name: 'Upload',
	value: 'upload',
	description: "Upload an item's file to a Drive folder",
	action: 'Upload a file to Drive',
};

/**
 * Files up to this size go Base64 inside one request (held in memory, a third larger); larger
 * ones in two steps, streamed. Bitrix24 names no size to switch at (its cloud takes up to 2 GB a
 * request: api-reference/files/how-to-upload-files.md, "Limitations"); this keeps memory small.
 */
export const ONE_REQUEST_BYTES = 10 * 1024 * 1024;

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
					? await uploadInTwoSteps(this, target, { folderId, uniqueName, itemIndex, ...file })
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

/**
 * Without `fileContent` the method answers an upload address and a form field; the file then
 * goes there as a form, streamed (api-reference/disk/folder/disk-folder-upload-file.md, "Uploading
 * a File via URL"; api-reference/files/index.md: "A file that does not fit within the request
 * limit is uploaded to Drive in two steps"). Asking for the address changes nothing, so it may be
 * asked again; the upload itself is never repeated.
 */
async function uploadInTwoSteps(context: IExecuteFunctions, target: BitrixTarget, upload: Upload) {
	const limits = batchLimits(context);
	const reply = await bitrixApiRequest(context, target, {
		method: 'disk.folder.uploadfile',
		params: { id: upload.folderId, generateUniqueName: upload.uniqueName },
		effect: 'write',
		repeatable: true,
		itemIndex: upload.itemIndex,
		...limits,
	});
	const answer = (reply.result ?? {}) as IDataObject;
	const url = answer.uploadUrl;
	const field = answer.field;
	if (typeof url !== 'string' || typeof field !== 'string' || !/^[\w.[\]-]{1,100}$/.test(field)) {
		throw apiError(context.getNode(), {
			message: 'Bitrix24 gave no address to upload the file to',
			description:
				'Check that the credential may add files to this folder; nothing was uploaded, so the item can be run again.',
			itemIndex: upload.itemIndex,
		});
	}
	return await uploadToPortal(context, target, {
		url,
		field,
		fileName: upload.name,
		mimeType: upload.binary.mimeType,
		size: upload.binary.size,
		stream: upload.binary.stream,
		itemIndex: upload.itemIndex,
		// The whole file must pass within the time: the Timeout option plus a second per megabyte.
		timeoutMs: limits.timeoutMs + Math.ceil(upload.binary.size / (1024 * 1024)) * 1000,
		maxReplyBytes: limits.maxReplyBytes,
		limitsHint: limits.limitsHint,
	});
}
