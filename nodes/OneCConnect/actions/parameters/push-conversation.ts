import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	maxParallelRequestsOption,
	optionsCollection,
	readRequestLimits,
	timeoutOption,
} from '../../../shared/description/request-limits';
import { inputError } from '../../../shared/errors/node-errors';
import { PUSH_TIMEOUT_SECONDS } from '../../transport/push/push-request';
import { pickedValue } from './record-locator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Conversations answered at once; one conversation's items always go one after another. */
export const PUSH_CONCURRENCY = 5;

/** The service line: From List (the lines the login may use) or By ID. */
export const lineLocator: INodeProperties = {
	displayName: 'Line',
	name: 'lineId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The service line (линия поддержки) of the conversation',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a line...',
			typeOptions: { searchListMethod: 'searchPushLines', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '5f0ddfd1-6d9c-4e25-9bca-c7ff0fd83c44',
		},
	],
};

const userId: INodeProperties = {
	displayName: 'Client User ID',
	name: 'userId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'df4cca69-ce40-472e-9083-af9b279c72cc',
	description:
		'The client the conversation is with; the 1C-Connect Line Trigger gives it as userId',
};

/** Line and client: which conversation an item acts on. */
export const conversationProperties: INodeProperties[] = [lineLocator, userId];

/** `author_id`: the specialist on whose behalf the bot acts; empty sends as the bot. */
export const authorProperty: INodeProperties = {
	displayName: 'As Specialist ID',
	name: 'authorId',
	type: 'string',
	default: '',
	description:
		"Send on behalf of this specialist (author_id); leave empty to send as the line's bot",
};

export const pushWriteOptions: INodeProperties = optionsCollection([
	maxParallelRequestsOption(
		PUSH_CONCURRENCY,
		'1C-Connect documents no request limit for the push API. Items of one conversation always go one after another, in order.',
	),
	timeoutOption(PUSH_TIMEOUT_SECONDS),
]);

export const pushReadOptions: INodeProperties = optionsCollection([
	timeoutOption(PUSH_TIMEOUT_SECONDS),
]);

/** A UUID parameter of one item, or a clear error naming it. */
export function uuidParameter(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	optional = false,
): string | undefined {
	const raw = pickedValue(context.getNodeParameter(name, itemIndex, ''));
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (value === '' && optional) return undefined;
	if (UUID.test(value)) return value.toLowerCase();
	throw inputError(
		context.getNode(),
		value === '' ? `The ${label} is empty` : `The ${label} "${value}" is not a 1C-Connect ID`,
		`Give the ${label} as a UUID such as 5f0ddfd1-6d9c-4e25-9bca-c7ff0fd83c44 (the trigger's item carries lineId and userId).`,
		itemIndex,
	);
}

/** `{author_id}` when the item names a specialist to act as, `{}` to act as the bot. */
export function authorOf(context: IExecuteFunctions, itemIndex: number): { author_id?: string } {
	const author = uuidParameter(context, 'authorId', 'As Specialist ID', itemIndex, true);
	return author ? { author_id: author } : {};
}

/** `{line_id, user_id}` of the item's conversation. */
export function conversationOf(context: IExecuteFunctions, itemIndex: number) {
	return {
		line_id: uuidParameter(context, 'lineId', 'Line', itemIndex)!,
		user_id: uuidParameter(context, 'userId', 'Client User ID', itemIndex)!,
	};
}

/** The conversation as a key: items with the same one run in input order. */
export function conversationKey(context: IExecuteFunctions, itemIndex: number): string {
	const { line_id, user_id } = conversationOf(context, itemIndex);
	return `${line_id}|${user_id}`;
}

export function pushTimeoutMs(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return readRequestLimits(context, itemIndex).timeoutMs;
}
