import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OktellReply } from '../../transport';
import { fileNameOf, isFileReply, mimeTypeOf } from '../../transport/binary-reply';
import { plainReplyJson } from '../../transport/plain-reply';

export const binaryPropertyProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

/** One output item holding the reply's bytes as n8n binary data, with name and MIME type. */
export async function binaryItem(
	context: IExecuteFunctions,
	reply: OktellReply,
	itemIndex: number,
	fallbackName: string,
	json: IDataObject = {},
): Promise<INodeExecutionData> {
	const property = context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const fileName = fileNameOf(reply) ?? fallbackName;
	const binary = await context.helpers.prepareBinaryData(reply.body, fileName, mimeTypeOf(reply));
	return {
		json: { ...json, fileName, mimeType: binary.mimeType, fileSize: reply.body.length },
		binary: { [property]: binary },
		pairedItem: { item: itemIndex },
	};
}

/** A script's plain reply as one item: the file in the output binary field, or its text or JSON. */
export async function plainReplyItem(
	context: IExecuteFunctions,
	reply: OktellReply,
	itemIndex: number,
): Promise<INodeExecutionData> {
	if (isFileReply(reply)) return await binaryItem(context, reply, itemIndex, 'script-result');
	return { json: plainReplyJson(context, reply, itemIndex), pairedItem: { item: itemIndex } };
}
