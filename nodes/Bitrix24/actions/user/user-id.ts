import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

const USER_URL = 'https?://.+/company/personal/user/(\\d+)/?.*';

/** A user picker: From List (searchable), By ID, By URL of the profile. */
export function userLocator(
	name: string,
	displayName: string,
	searchListMethod = 'searchUsers',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a user...',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '15',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://mycompany.bitrix24.ru/company/personal/user/15/',
				extractValue: { type: 'regex', regex: USER_URL },
			},
		],
	};
}

export const userIdProperty = userLocator('userId', 'User', 'searchRecords');

export function userIdOf(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'userId',
	label = 'User',
): number {
	const text = String(
		context.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	const id = new RegExp(USER_URL).exec(text)?.[1] ?? text;
	if (!/^\d+$/.test(id) || Number(id) <= 0) {
		throw inputError(
			context.getNode(),
			`"${label}" in item ${itemIndex} is not a user ID: ${JSON.stringify(text)}`,
			'Pick the user from the list, or give their number or the address of their profile.',
			itemIndex,
		);
	}
	return Number(id);
}
