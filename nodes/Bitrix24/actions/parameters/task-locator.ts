import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import type { NumberedObject } from './numbered-locator';
import { numberedLocator, requiredNumberIn } from './numbered-locator';

const TASK: NumberedObject = {
	noun: 'task',
	searchListMethod: 'searchTasks',
	idPlaceholder: '8017',
	urlPlaceholder: 'https://mycompany.bitrix24.ru/company/personal/user/1/tasks/task/view/8017/',
	urlPattern: 'https?://.+/tasks/task/view/(\\d+)/?.*',
	fix: 'Pick the task from the list, or give its number or the address of its page.',
};

/** The task whose comments, checklist or time is worked on: From List, By ID, By URL. */
export const taskIdProperty = numberedLocator(TASK, {
	displayName: 'Task',
	name: 'taskId',
	required: true,
});

export function taskIdOf(context: IExecuteFunctions, itemIndex: number): number {
	return requiredNumberIn(context, TASK, 'taskId', 'Task', itemIndex);
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
