import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import type { OperationModule } from '../../../shared/execution/resources';
import { pageRecords } from '../../transport';
import { optionsProperty } from '../parameters/portal-options';
import { taskIdOf, taskIdProperty } from '../parameters/task-locator';
import { listAcrossItems } from '../records/list-across-items';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	description: "Get a task's comments, oldest first",
	action: 'Get many task comments',
};

export const properties: INodeProperties[] = [
	taskIdProperty,
	...returnAllAndLimit(),
	optionsProperty,
];

/**
 * The first page of every item's task 50 to a `batch` request, then every further page any task
 * needs (50 comments a page, by `start`) in the same way.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const tasks: number[] = [];
	return await listAcrossItems(this, {
		commandOf: (itemIndex) => {
			tasks[itemIndex] = taskIdOf(this, itemIndex);
			return {
				method: 'task.commentitem.getlist',
				// The tasks module reads its parameters in this order.
				params: { TASKID: tasks[itemIndex], ORDER: { ID: 'asc' }, FILTER: {} },
			};
		},
		rowsOf: (result) => pageRecords(result) as IDataObject[],
		toOutput: (row, itemIndex) => ({ ...row, TASK_ID: tasks[itemIndex] }),
	});
}
