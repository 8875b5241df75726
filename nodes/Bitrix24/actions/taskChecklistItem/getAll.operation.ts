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
import { runCommandsAcrossItems } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getAll',
	description: "Get a task's checklist items, in their order",
	action: 'Get many checklist items',
};

export const properties: INodeProperties[] = [
	taskIdProperty,
	...returnAllAndLimit(),
	optionsProperty,
];

/**
 * Bitrix24 answers a task's whole checklist in one reply, so the tasks of 50 items go in one
 * batch request; each input item's list is one output item per checklist item.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const tasks: number[] = [];
	const lists = await runCommandsAcrossItems(this, {
		effect: 'read',
		commandOf: (itemIndex) => {
			tasks[itemIndex] = taskIdOf(this, itemIndex);
			return {
				method: 'task.checklistitem.getlist',
				params: { TASKID: tasks[itemIndex], ORDER: { SORT_INDEX: 'asc' } },
			};
		},
		toOutput: (result, itemIndex) => {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) === true;
			const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', itemIndex, 50));
			return { rows: (pageRecords(result) as IDataObject[]).slice(0, limit) };
		},
	});
	return lists.flatMap((item) => {
		if (!Array.isArray(item.json.rows)) return [item];
		return (item.json.rows as IDataObject[]).map((json) => ({ json, pairedItem: item.pairedItem }));
	});
}
