import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import { userIdOf, userLocator } from '../user/user-id';

const CHAT_URL = 'https?://.+[?&]IM_DIALOG=(chat\\d+).*';

/** A chat picker: From List (type 2 letters of its name), By ID (`chat7` or 7), By URL. */
export const chatIdProperty: INodeProperties = {
	displayName: 'Chat',
	name: 'chatId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Type two letters of the chat name...',
			typeOptions: {
				searchListMethod: 'searchChats',
				searchable: true,
				searchFilterRequired: true,
			},
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'chat7' },
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://mycompany.bitrix24.ru/online/?IM_DIALOG=chat7',
			extractValue: { type: 'regex', regex: CHAT_URL },
		},
	],
};

/** Where a message goes: a user's personal dialog or a chat. */
export const dialogProperties: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'sendTo',
		type: 'options',
		options: [
			{ name: 'Chat', value: 'chat', description: 'A group chat the sender is in' },
			{ name: 'User', value: 'user', description: 'A personal dialog with one user' },
		],
		default: 'chat',
	},
	{
		...chatIdProperty,
		displayOptions: { show: { sendTo: ['chat'] } },
	},
	{
		...userLocator('userId', 'User'),
		displayOptions: { show: { sendTo: ['user'] } },
	},
];

/** `chat7` for a chat, the user's number for a personal dialog. */
export function dialogIdOf(context: IExecuteFunctions, itemIndex: number): string {
	if (context.getNodeParameter('sendTo', itemIndex, 'chat') === 'user') {
		return String(userIdOf(context, itemIndex));
	}
	return chatIdOf(context, itemIndex);
}

export function chatIdOf(context: IExecuteFunctions, itemIndex: number): string {
	const text = String(
		context.getNodeParameter('chatId', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	const id = /^(?:chat)?(\d+)$/i.exec(text)?.[1];
	if (!id || Number(id) <= 0) {
		throw inputError(
			context.getNode(),
			`"Chat" in ${itemName(itemIndex)} is not a chat ID: ${JSON.stringify(text)}`,
			'Pick the chat from the list, or give its ID such as chat7.',
			itemIndex,
		);
	}
	return `chat${id}`;
}
