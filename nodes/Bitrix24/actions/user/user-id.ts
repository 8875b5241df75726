import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NumberedObject } from '../parameters/numbered-locator';
import { numberedLocator, requiredNumberIn } from '../parameters/numbered-locator';

const USER: NumberedObject = {
	noun: 'user',
	searchListMethod: 'searchUsers',
	idPlaceholder: '15',
	urlPlaceholder: 'https://mycompany.bitrix24.ru/company/personal/user/15/',
	urlPattern: 'https?://.+/company/personal/user/(\\d+)/?.*',
	fix: 'Pick the user from the list, or give their number or the address of their profile.',
};

/** A user picker: From List (searchable), By ID, By URL of the profile. */
export function userLocator(
	name: string,
	displayName: string,
	searchListMethod = USER.searchListMethod,
): INodeProperties {
	return numberedLocator({ ...USER, searchListMethod }, { displayName, name, required: true });
}

export const userIdProperty = userLocator('userId', 'User', 'searchRecords');

export function userIdOf(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'userId',
	label = 'User',
): number {
	return requiredNumberIn(context, USER, name, label, itemIndex);
}
