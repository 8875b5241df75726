import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runConversationCommand } from '../parameters/conversation-command';
import { conversationProperties, pushWriteOptions } from '../parameters/push-conversation';

export const option = {
	name: 'Hand Over to Any Specialist',
	value: 'handOverToAnySpecialist',
	description:
		'Give the treatment to any free specialist of the line, starting one if the client has none open (AppointStart)',
	action: 'Hand over a treatment to any specialist',
};

export const properties: INodeProperties[] = [...conversationProperties, pushWriteOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runConversationCommand(this, {
		path: '/v1/line/appoint/start/',
		what: 'Hand Over to Any Specialist',
		body: (_itemIndex, conversation) => ({ json: conversation }),
	});
}
