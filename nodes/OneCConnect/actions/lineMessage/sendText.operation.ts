import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runConversationCommand } from '../parameters/conversation-command';
import { keyboardOf, keyboardProperties } from '../parameters/keyboard';
import {
	authorOf,
	authorProperty,
	conversationProperties,
	pushWriteOptions,
} from '../parameters/push-conversation';

export const option = {
	name: 'Send Text',
	value: 'sendText',
	description: 'Send a text message, with buttons if you like, to a client in a line (push API)',
	action: 'Send a text message in a line',
};

export const properties: INodeProperties[] = [
	...conversationProperties,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The message the client reads',
	},
	authorProperty,
	...keyboardProperties,
	pushWriteOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runConversationCommand(this, {
		path: '/v1/line/send/message/',
		what: 'Send Text',
		body: (itemIndex, conversation) => {
			const keyboard = keyboardOf(this, itemIndex);
			const text = String(this.getNodeParameter('text', itemIndex, ''));
			return {
				json: {
					...conversation,
					...authorOf(this, itemIndex),
					text,
					...(keyboard ? { keyboard } : {}),
				},
			};
		},
	});
}
