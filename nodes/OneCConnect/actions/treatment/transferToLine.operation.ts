import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runConversationCommand } from '../parameters/conversation-command';
import {
	conversationProperties,
	lineLocator,
	pushWriteOptions,
	uuidParameter,
} from '../parameters/push-conversation';

export const option = {
	name: 'Transfer to Another Line',
	value: 'transferToLine',
	description:
		"Move the client's treatment to another service line (перевод обращения на другую линию), where its specialists take it",
	action: 'Transfer a treatment to another line',
};

export const properties: INodeProperties[] = [
	...conversationProperties,
	{
		...lineLocator,
		displayName: 'To Line',
		name: 'toLineId',
		description:
			'The service line to move the treatment to; the client must receive support in it',
	},
	{
		displayName: 'Quote',
		name: 'quote',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description:
			'Text passed on with the treatment (quote), for example what the client asked; optional',
	},
	pushWriteOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runConversationCommand(this, {
		path: '/v1/line/reroute/',
		what: 'Transfer to Another Line',
		body: (itemIndex, conversation) => {
			const toLine = uuidParameter(this, 'toLineId', 'To Line', itemIndex)!;
			if (toLine === conversation.line_id) {
				throw inputError(
					this.getNode(),
					'To Line is the line the treatment is already in',
					'Pick another service line in To Line.',
					itemIndex,
				);
			}
			const quote = String(this.getNodeParameter('quote', itemIndex, '')).trim();
			return { json: { ...conversation, to_line_id: toLine, ...(quote ? { quote } : {}) } };
		},
		output: (itemIndex) => ({
			toLineId: uuidParameter(this, 'toLineId', 'To Line', itemIndex)!,
		}),
	});
}

