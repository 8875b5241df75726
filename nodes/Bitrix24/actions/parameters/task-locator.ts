import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';

const TASK_URL = 'https?://.+/tasks/task/view/(\\d+)/?.*';

/** The task whose comments, checklist or time is worked on: From List, By ID, By URL. */
export const taskIdProperty: INodeProperties = {
	displayName: 'Task',
	name: 'taskId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a task...',
			typeOptions: { searchListMethod: 'searchTasks', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '8017' },
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://mycompany.bitrix24.ru/company/personal/user/1/tasks/task/view/8017/',
			extractValue: { type: 'regex', regex: TASK_URL },
		},
	],
};

export function taskIdOf(context: IExecuteFunctions, itemIndex: number): number {
	const text = String(
		context.getNodeParameter('taskId', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	const id = new RegExp(TASK_URL).exec(text)?.[1] ?? text;
	if (!/^\d+$/.test(id) || Number(id) <= 0) {
		throw inputError(
			context.getNode(),
			`"Task" in ${itemName(itemIndex)} is not a task ID: ${JSON.stringify(text)}`,
			'Pick the task from the list, or give its number or the address of its page.',
			itemIndex,
		);
	}
	return Number(id);
}

/** A required text parameter, trimmed; empty is the item's input error. */
export function requiredTextOf(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const text = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (text === '') {
		throw inputError(
			context.getNode(),
			`"${label}" in ${itemName(itemIndex)} is empty`,
			`Enter the ${label.toLowerCase()}.`,
			itemIndex,
		);
	}
	return text;
}
