import type { NodeApiError } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { expectShape } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { XdtoJson } from '../xdto/codec';
import type { SoapReply } from './soap-reply-reader';
import { fromResultData } from './soap-reply-reader';

const VENDOR = '1C-Connect';
export const OUT_OF_LIMIT = 'OUT_OF_LIMIT';

/** A reply that is no SOAP Fault, with the start of its (redacted) text for messages. */
export type OneCReply = Exclude<SoapReply, { kind: 'fault' }> & { text: string };

/** What the result reader needs to know of the call it reads the reply of. */
export interface ReadCall {
	operation: string;
	itemIndex?: number;
	/** The ResultData must be a ValueTable (rows) or nil; anything else is an error quoting the reply. */
	expectsTable?: boolean;
	/** The call may have changed something: an unreadable reply says so. */
	write: boolean;
}

/**
 * The outcome of a call: its ResultData, or the login's hourly quota of the operation spent (an
 * OUT_OF_LIMIT reply, HTTP 200: retrying within the hour does not help). The quota's error is
 * built here; a caller that can wait for the next hour (the trigger) drops it.
 */
export type OneCResult = { data: XdtoJson } | { quotaSpent: NodeApiError };

/** Reads a reply; any ResultCode other than SUCCESS and OUT_OF_LIMIT is an error. */
export function readResult(context: RequestContext, call: ReadCall, reply: OneCReply): OneCResult {
	if (reply.kind === 'plain') return { data: dataOf(context, call, reply, reply.value) };
	if (reply.resultCode === OUT_OF_LIMIT) {
		return {
			quotaSpent: resultCodeError(
				context,
				call.operation,
				OUT_OF_LIMIT,
				reply.resultData,
				call.itemIndex,
			),
		};
	}
	if (reply.resultCode !== 'SUCCESS') {
		throw resultCodeError(
			context,
			call.operation,
			reply.resultCode,
			reply.resultData,
			call.itemIndex,
		);
	}
	return { data: dataOf(context, call, reply, reply.resultData) };
}

/** The data as is, or the rows of a read's ValueTable (nil: none), or that item's error quoting the reply. */
function dataOf(
	context: RequestContext,
	call: ReadCall,
	reply: OneCReply,
	data: XdtoJson,
): XdtoJson {
	if (!call.expectsTable) return data;
	if (data === null) return [];
	return expectShape<XdtoJson>(() => context.getNode(), data, 'list of objects', {
		vendor: VENDOR,
		what: call.operation,
		text: fromResultData(reply.text),
		itemIndex: call.itemIndex,
		write: call.write,
	});
}

export function resultCodeError(
	context: RequestContext,
	operation: string,
	resultCode: string,
	resultData: XdtoJson,
	itemIndex?: number,
): NodeApiError {
	const detail = typeof resultData === 'string' ? resultData : JSON.stringify(resultData);
	return apiError(context.getNode(), {
		message: `${operation} failed: ${resultCode}: ${detail}`,
		description:
			resultCode === OUT_OF_LIMIT
				? `The hourly limit of ${operation} calls for this API login is spent (it is shared by everything using the login). Retrying within this hour does not help: wait until the next hour, or call less often.`
				: 'Check the parameters named in the message against the 1C-Connect personal account.',
		itemIndex,
		vendorReply: { ResultCode: resultCode, ResultData: detail },
	});
}
