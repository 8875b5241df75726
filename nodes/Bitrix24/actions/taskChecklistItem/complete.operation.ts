import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { optionsProperty } from '../parameters/portal-options';
import { taskIdOf, taskIdProperty } from '../parameters/task-locator';
import { runCommandsAcrossItems } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Complete',
	value: 'complete',
	description: 'Mark a checklist item as done',
	action: 'Complete a checklist item',
};

export const properties: INodeProperties[] = [
	taskIdProperty,
	{
		displayName: 'Checklist Item ID',
		name: 'itemId',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'The item, as Create or Get Many gives it',
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const ids: Array<{ taskId: number; itemId: number }> = [];
	return await runCommandsAcrossItems(this, {
		// Marking done twice leaves it done.
		effect: 'read',
		commandOf: (itemIndex) => {
			const taskId = taskIdOf(this, itemIndex);
			const itemId = Number(this.getNodeParameter('itemId', itemIndex, 0));
			if (!Number.isInteger(itemId) || itemId <= 0) {
				throw inputError(
					this.getNode(),
					`"Checklist Item ID" in ${itemName(itemIndex)} is not an item ID`,
					'Give the number of the checklist item, as Create or Get Many gives it.',
					itemIndex,
				);
			}
			ids[itemIndex] = { taskId, itemId };
			return { method: 'task.checklistitem.complete', params: { TASKID: taskId, ITEMID: itemId } };
		},
		toOutput: (result, itemIndex) => ({ ...ids[itemIndex], completed: result === true }),
	});
}
