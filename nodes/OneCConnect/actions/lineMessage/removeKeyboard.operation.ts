import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runConversationCommand } from '../parameters/conversation-command';
import { conversationProperties, pushWriteOptions } from '../parameters/push-conversation';

export const option = {
	name: 'Remove Keyboard',
	value: 'removeKeyboard',
	description:
		"Take away the buttons the client sees (DropKeyboard); the apps don't remove them otherwise",
	action: 'Remove the keyboard in a line',
};

export const properties: INodeProperties[] = [...conversationProperties, pushWriteOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runConversationCommand(this, {
		path: '/v1/line/drop/keyboard/',
		what: 'Remove Keyboard',
		body: (_itemIndex, conversation) => ({ json: conversation }),
	});
}
