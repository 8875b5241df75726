import type { IDataObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import type { RequestContext } from '../../shared/http/vendor-request';
import { oktellJson } from './index';

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

/** Every queue and its callers now (`gettotalqueueinfo`). */
export async function getTotalQueueInfo(
	context: RequestContext,
	itemIndex?: number,
): Promise<QueueInfo[]> {
	const reply = await oktellJson(context, {
		command: 'gettotalqueueinfo',
		idempotent: true,
		itemIndex,
	});
	if (!Array.isArray(reply)) {
		throw apiError(context.getNode(), {
			message: 'Oktell sent queue information that is not a list',
			description:
				'gettotalqueueinfo should answer a JSON array of queues; check the server version.',
			itemIndex,
		});
	}
	return reply.map((queue: IDataObject) => ({
		...queue,
		queue: Array.isArray(queue.queue) ? (queue.queue as QueuedCall[]) : [],
	})) as QueueInfo[];
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
