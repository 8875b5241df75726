import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http/vendor-request';
import { expectShape } from '../../shared/http/reply-shape';
import type { OktellRequest } from './index';
import { VENDOR, oktellJson } from './index';

export interface QueuedCall extends IDataObject {
	chainid: string;
	objectid: string;
	lenqueue: number;
}

export interface QueueInfo extends IDataObject {
	numid: string;
	numprefix: string;
	ruleid: string;
	rulename: string;
	queue: QueuedCall[];
}

/** About 500 bytes a queued caller: room for over 100,000 callers at once. */
const QUEUE_REPLY_BYTES = 64 * 1024 * 1024;

/**
 * Every queue and its callers now (`gettotalqueueinfo`). A queue or a call that is not an object
 * (a `null` in the list) makes the whole snapshot an error quoting the reply: skipping it would
 * make its callers look as if they had left, and the trigger would report them again later.
 */
export async function getTotalQueueInfo(
	context: RequestContext,
	itemIndex?: number,
	limits: Pick<OktellRequest, 'timeoutMs'> = {},
): Promise<QueueInfo[]> {
	const reply = await oktellJson(context, {
		command: 'gettotalqueueinfo',
		effect: 'read',
		itemIndex,
		maxReplyBytes: QUEUE_REPLY_BYTES,
		...limits,
	});
	const check = { vendor: VENDOR, what: 'gettotalqueueinfo', itemIndex };
	const text = () => JSON.stringify(reply) ?? String(reply);
	const queues = expectShape<IDataObject[]>(() => context.getNode(), reply, 'list of objects', {
		...check,
		text,
	});
	return queues.map((queue) => {
		const calls = queue.queue ?? [];
		const what = `gettotalqueueinfo (the callers of queue ${String(queue.numprefix)})`;
		expectShape(() => context.getNode(), calls, 'list of objects', { ...check, what, text });
		return { ...queue, queue: calls } as QueueInfo;
	});
}

/** A queued call with its queue's number and rule beside it. */
export function flattenCall(queue: QueueInfo, call: QueuedCall): IDataObject {
	return {
		queueNumber: queue.numprefix,
		queueNumberId: queue.numid,
		ruleId: queue.ruleid,
		ruleName: queue.rulename,
		...call,
	};
}
