import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runConversationCommand } from '../parameters/conversation-command';
import {
	authorOf,
	authorProperty,
	conversationProperties,
	pushWriteOptions,
	uuidParameter,
} from '../parameters/push-conversation';

export const option = {
	name: 'Hand Over to Specialist',
	value: 'handOverToSpecialist',
	description: 'Try to give the treatment to one specialist, who must be online (AppointSpec)',
	action: 'Hand over a treatment to a specialist',
};

export const properties: INodeProperties[] = [
	...conversationProperties,
	{
		displayName: 'Specialist ID',
		name: 'specialistId',
		type: 'string',
		required: true,
		default: '',
		description: 'The specialist (spec_id) to take the treatment; must be online',
	},
	{
		...authorProperty,
		description: 'Hand over on behalf of this specialist (author_id); optional',
	},
	pushWriteOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runConversationCommand(this, {
		path: '/v1/line/appoint/spec/',
		what: 'Hand Over to Specialist',
		body: (itemIndex, conversation) => {
			const specialist = uuidParameter(this, 'specialistId', 'Specialist ID', itemIndex)!;
			return {
				json: { ...conversation, spec_id: specialist, ...authorOf(this, itemIndex) },
			};
		},
		output: (itemIndex) => ({
			specialistId: String(this.getNodeParameter('specialistId', itemIndex, '')).trim(),
		}),
	});
}
