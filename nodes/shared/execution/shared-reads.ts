import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../http/vendor-request';
import { asItemError } from './item-errors';
import { runScope } from './run-scope';

/** Everything that makes two reads the same request. */
export interface ReadIdentity {
	vendor: string;
	credentialType: string;
	method: string;
	url: string;
	qs?: unknown;
	body?: string;
	/** Limits that change the outcome (timeout, reply size cap). */
	limits?: unknown;
}

/**
 * Sends a read once per node run, however many items ask it with the same identity and
 * credential, and gives each its result; a failure is thrown to each item with its own number.
 * Outside an execute context (pickers, triggers) it simply reads. Only for requests that change
 * nothing: a write must reach the vendor once per item.
 */
export async function sharedRead<T>(
	context: RequestContext,
	identity: ReadIdentity,
	itemIndex: number | undefined,
	read: () => Promise<T>,
	/**
	 * Gives each item after the first its own copy, for callers that change what they are given.
	 * It must build the copy from what the first item cannot change (the reply's text).
	 */
	copy?: (shared: T) => T,
): Promise<T> {
	if (!isExecuteContext(context)) return await read();
	const replies = runScope(context).sharedReplies;
	const credentials = context.getNode().credentials;
	const key = JSON.stringify([identity, credentials?.[identity.credentialType]?.id ?? null]);
	const shared = replies.get(key) as Promise<T> | undefined;
	try {
		if (!shared) {
			const reply = read();
			replies.set(key, reply);
			return await reply;
		}
		const reply = await shared;
		return copy ? copy(reply) : reply;
	} catch (error) {
		const ownError =
			itemIndex !== undefined &&
			(error instanceof NodeApiError || error instanceof NodeOperationError);
		throw ownError ? asItemError(context, error, itemIndex) : error;
	}
}

export function isExecuteContext(context: RequestContext): context is IExecuteFunctions {
	return 'getInputData' in context && 'continueOnFail' in context;
}
