import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

const USER_URL = 'https?://.+/company/personal/user/(\\d+)/?.*';

export const userIdProperty: INodeProperties = {
	displayName: 'User',
	name: 'userId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a user...',
			typeOptions: { searchListMethod: 'searchRecords', searchable: true },
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

/** A user picked for something else than the User resource (a to-do's responsible user). */
export function userLocator(name: string, displayName: string): INodeProperties {
	return {
		...userIdProperty,
		name,
		displayName,
		required: false,
		modes: userIdProperty.modes?.map((mode) =>
			mode.name === 'list'
				? { ...mode, typeOptions: { searchListMethod: 'searchUsers', searchable: true } }
				: mode,
		),
	};
}

export function userIdOf(context: IExecuteFunctions, itemIndex: number, name = 'userId'): number {
	const text = String(
		context.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	const id = new RegExp(USER_URL).exec(text)?.[1] ?? text;
	if (!/^\d+$/.test(id) || Number(id) <= 0) {
		throw inputError(
			context.getNode(),
			`"${name === 'userId' ? 'User' : 'Responsible User'}" in item ${itemIndex} is not a user ID: ${JSON.stringify(text)}`,
			'Pick the user from the list, or give their number or the address of their profile.',
			itemIndex,
		);
	}
	return Number(id);
}
