import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OktellReply } from '../transport';
import { replyText } from '../transport';
import { binaryItem, isFileReply, mimeTypeOf } from './binary-reply';

/**
 * A script's own reply (the script ran, so a damaged reply says it may have applied) (`execsvcscriptplain`): a file when it is one, parsed JSON when the text
 * is JSON, else the text.
 */
export async function plainReplyItem(
	context: IExecuteFunctions,
	reply: OktellReply,
	itemIndex: number,
): Promise<INodeExecutionData> {
	if (isFileReply(reply)) return await binaryItem(context, reply, itemIndex, 'script-result');
	const text = replyText(context, reply, { idempotent: false, itemIndex });
	return {
		json: { reply: parseIfJson(text) as IDataObject, contentType: mimeTypeOf(reply) ?? null },
		pairedItem: { item: itemIndex },
	};
}

function parseIfJson(text: string): unknown {
	const trimmed = text.trim();
	if (!/^[[{"]/.test(trimmed)) return text;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return text;
	}
}
