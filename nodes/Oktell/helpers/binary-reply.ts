import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { headerValue } from '../../shared/http/vendor-request';
import type { OktellReply } from '../transport';

export const binaryPropertyProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

/** The file name a reply gives in Content-Disposition (RFC 6266 `filename*` first). */
export function fileNameOf(reply: OktellReply): string | undefined {
	const disposition = headerValue(reply.headers, 'content-disposition') ?? '';
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[2].trim());
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(disposition);
	const name = (plain?.[1] ?? plain?.[2])?.trim();
	return name ? name.replace(/^.*[\\/]/, '') : undefined;
}

export function mimeTypeOf(reply: OktellReply): string | undefined {
	const type = headerValue(reply.headers, 'content-type')?.split(';')[0].trim();
	return type ? type : undefined;
}

/** Whether a reply is a file rather than text: it says "attachment", or its type is not text. */
export function isFileReply(reply: OktellReply): boolean {
	const disposition = headerValue(reply.headers, 'content-disposition') ?? '';
	if (/attachment|filename/i.test(disposition)) return true;
	const type = mimeTypeOf(reply);
	return type !== undefined && !/^text\/|json|xml/i.test(type);
}

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
