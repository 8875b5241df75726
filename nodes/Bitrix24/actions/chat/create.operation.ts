import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import { userIds } from '../../helpers/pull-fields';
import { optionsProperty } from '../parameters/portal-options';
import { runCommandsAcrossItems } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	description: 'Create a group chat with the given members',
	action: 'Create a chat',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'The chat name; Bitrix24 makes one up when empty',
	},
	{
		displayName: 'Member User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: '15, 27',
		description:
			'The users to add, separated by commas; the user the credential belongs to joins as owner',
	},
	{
		displayName: 'Chat Options',
		name: 'chatOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
			},
			{
				displayName: 'First Message',
				name: 'message',
				type: 'string',
				default: '',
				description: 'Posted in the chat when it is created',
			},
			{
				displayName: 'Open Chat',
				name: 'open',
				type: 'boolean',
				default: false,
				description: 'Whether anyone on the portal may find and join it',
			},
		],
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const params: IDataObject = {
				USERS: userIds(node, this.getNodeParameter('userIds', itemIndex, ''), itemIndex),
				TYPE:
					this.getNodeParameter('chatOptions.open', itemIndex, false) === true ? 'OPEN' : 'CHAT',
			};
			const title = String(this.getNodeParameter('title', itemIndex, '') ?? '').trim();
			if (title !== '') params.TITLE = title;
			for (const [name, key] of [
				['description', 'DESCRIPTION'],
				['message', 'MESSAGE'],
			]) {
				const value = String(this.getNodeParameter(`chatOptions.${name}`, itemIndex, '') ?? '');
				if (value.trim() !== '') params[key] = value;
			}
			return { method: 'im.chat.add', params };
		},
		toOutput: (result) => ({ chatId: result as number, dialogId: `chat${String(result)}` }),
	});
}
