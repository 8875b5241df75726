import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runConversationCommand } from '../parameters/conversation-command';
import {
	authorOf,
	authorProperty,
	conversationProperties,
	pushWriteOptions,
} from '../parameters/push-conversation';

export const option = {
	name: 'Close',
	value: 'close',
	description: "Close the client's open treatment in the line (DropTreatment)",
	action: 'Close a treatment',
};

export const properties: INodeProperties[] = [
	...conversationProperties,
	{ ...authorProperty, description: 'Close on behalf of this specialist (author_id); optional' },
	pushWriteOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runConversationCommand(this, {
		path: '/v1/line/drop/treatment/',
		what: 'Close',
		body: (itemIndex, conversation) => {
			return { json: { ...conversation, ...authorOf(this, itemIndex) } };
		},
		output: () => ({ closed: true }),
	});
}
