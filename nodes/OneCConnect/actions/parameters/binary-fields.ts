import { createHash } from 'node:crypto';

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The file to attach (ServiceRequestAttachFile). */
export const inputBinaryField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	description: 'The input binary field holding the file to attach',
};

/** Where an operation that answers a file puts it. */
export const outputBinaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	description: 'The name of the output binary field to put the file in',
};

export function outputBinaryFieldOf(context: IExecuteFunctions, itemIndex: number): string {
	return context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
}

/** `Name`, `Hash` (MD5, hex) and `Data` (base64) of the input file, for ServiceRequestAttachFile. */
export async function uploadParameters(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	const property = context.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = context.helpers.assertBinaryData(itemIndex, property);
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	return {
		Name: binary.fileName ?? 'file',
		Hash: createHash('md5').update(buffer).digest('hex'),
		Data: buffer.toString('base64'),
	};
}
