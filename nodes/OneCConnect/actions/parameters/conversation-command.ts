import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { PushCall } from '../../transport/push/push-request';
import { pushRequest } from '../../transport/push/push-request';
import {
	PUSH_CONCURRENCY,
	conversationKey,
	conversationOf,
	pushTimeoutMs,
} from './push-conversation';

export interface ConversationCommand {
	/** The documented path, such as `/v1/line/drop/treatment/`, or the path of one item. */
	path: string | ((itemIndex: number) => string);
	/** The operation's name, for messages. */
	what: string;
	/** The request body of one item, `line_id` and `user_id` added; or a multipart body. */
	body: (
		itemIndex: number,
		conversation: { line_id: string; user_id: string },
	) => Promise<Pick<PushCall, 'json' | 'multipart'>> | Pick<PushCall, 'json' | 'multipart'>;
	/** What the output item says besides the conversation. */
	output?: (itemIndex: number) => IDataObject;
}

/**
 * One push API write per item. Items of one conversation (line and client) run one after another
 * in input order; different conversations run side by side, at most Max Parallel Requests at once
 * (with Continue On Fail; without it the shared runner sends changes one at a time). A write is
 * never sent again after a failure whose outcome is unknown.
 */
export async function runConversationCommand(
	context: IExecuteFunctions,
	command: ConversationCommand,
): Promise<INodeExecutionData[]> {
	return await runPerItem(
		context,
		async (itemIndex) => {
			const conversation = conversationOf(context, itemIndex);
			const body = await command.body(itemIndex, conversation);
			await pushRequest(context, {
				method: 'POST',
				path: typeof command.path === 'string' ? command.path : command.path(itemIndex),
				...body,
				effect: 'write',
				what: command.what,
				itemIndex,
				timeoutMs: pushTimeoutMs(context, itemIndex),
			});
			return {
				success: true,
				lineId: conversation.line_id,
				userId: conversation.user_id,
				...command.output?.(itemIndex),
			};
		},
		{
			concurrency: PUSH_CONCURRENCY,
			effect: 'write',
			orderKey: (itemIndex) => conversationKey(context, itemIndex),
		},
	);
}
