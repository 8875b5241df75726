import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { BITRIX24_CONCURRENCY } from '../../transport';
import { listByStartPages } from '../../transport/batch';
import { optionsProperty, targetOf } from '../parameters/portal-options';
import { taskIdOf, taskIdProperty } from '../parameters/task-locator';
import { batchLimits } from '../records/run-commands';

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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const target = targetOf(this);
	return await runPerItem(
		this,
		async (itemIndex) => {
			const taskId = taskIdOf(this, itemIndex);
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) === true;
			const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', itemIndex, 50));
			const rows = await listByStartPages(
				this,
				target,
				{
					method: 'task.commentitem.getlist',
					// The tasks module reads its parameters in this order.
					params: { TASKID: taskId, ORDER: { ID: 'asc' }, FILTER: {} },
					effect: 'read',
					itemIndex,
					...batchLimits(this),
				},
				limit,
			);
			return (rows as IDataObject[]).map((row) => ({ ...row, TASK_ID: taskId }));
		},
		{ concurrency: BITRIX24_CONCURRENCY },
	);
}
