import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import { TASK } from '../../crm/record-kinds';
import { recordIdOf, recordIdProperty } from '../records/parameters';
import { recordIn } from '../records/record-output';
import { runCommandsAcrossItems } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Complete',
	value: 'complete',
	description: 'Mark a task as completed',
	action: 'Complete a task',
};

export const properties = [recordIdProperty(TASK)];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => ({
			method: 'tasks.task.complete',
			params: { taskId: recordIdOf(this, TASK, itemIndex) },
		}),
		toOutput: (result) => recordIn(TASK, result),
	});
}
