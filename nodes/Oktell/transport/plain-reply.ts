import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http/vendor-request';
import { mimeTypeOf } from './binary-reply';
import type { OktellReply } from './index';
import { replyText } from './index';

/**
 * A script's own text reply (`execsvcscriptplain`): parsed JSON when the text is JSON, else the
 * text. The script ran, so a damaged reply says it may have applied.
 */
export function plainReplyJson(
	context: RequestContext,
	reply: OktellReply,
	itemIndex: number,
): IDataObject {
	const text = replyText(context, reply, { effect: 'write', itemIndex });
	return { reply: parseIfJson(text) as IDataObject, contentType: mimeTypeOf(reply) ?? null };
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
