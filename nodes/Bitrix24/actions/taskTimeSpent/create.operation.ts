import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { optionsProperty } from '../parameters/portal-options';
import { requiredTextOf, taskIdOf, taskIdProperty } from '../parameters/task-locator';
import { runCommandsAcrossItems } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	description: 'Record time spent on a task',
	action: 'Record time spent on a task',
};

export const properties: INodeProperties[] = [
	taskIdProperty,
	{
		displayName: 'Minutes',
		name: 'minutes',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'How long was spent; sent to Bitrix24 in whole seconds',
	},
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		default: '',
		required: true,
		description: 'What the time was spent on',
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 0 },
		description: 'Whose time it is; 0 records it for the user the credential belongs to',
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const outputs: IDataObject[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const taskId = taskIdOf(this, itemIndex);
			const seconds = Math.round(Number(this.getNodeParameter('minutes', itemIndex, 0)) * 60);
			if (!Number.isFinite(seconds) || seconds <= 0) {
				throw inputError(
					this.getNode(),
					`"Minutes" in ${itemName(itemIndex)} must be more than 0`,
					'Enter how many minutes were spent, such as 30 or 1.5.',
					itemIndex,
				);
			}
			const fields: IDataObject = {
				SECONDS: seconds,
				COMMENT_TEXT: requiredTextOf(this, 'comment', 'Comment', itemIndex),
			};
			const user = Number(this.getNodeParameter('userId', itemIndex, 0));
			if (user > 0) fields.USER_ID = user;
			outputs[itemIndex] = { taskId, seconds };
			// The tasks module reads its parameters in this order.
			return { method: 'task.elapseditem.add', params: { TASKID: taskId, ARFIELDS: fields } };
		},
		toOutput: (result, itemIndex) => ({ entryId: result as number, ...outputs[itemIndex] }),
	});
}
