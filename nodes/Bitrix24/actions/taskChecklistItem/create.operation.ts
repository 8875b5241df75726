import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import { optionsProperty } from '../parameters/portal-options';
import { requiredTextOf, taskIdOf, taskIdProperty } from '../parameters/task-locator';
import { runCommandsAcrossItems } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	description: "Add an item to a task's checklist",
	action: 'Add a checklist item',
};

export const properties: INodeProperties[] = [
	taskIdProperty,
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		description: 'What is to be done',
	},
	{
		displayName: 'Checklist Item Options',
		name: 'itemOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Completed',
				name: 'completed',
				type: 'boolean',
				default: false,
				description: 'Whether the item is already done',
			},
			{
				displayName: 'Important',
				name: 'important',
				type: 'boolean',
				default: false,
				description: 'Whether the item is marked important',
			},
			{
				displayName: 'Parent Item ID',
				name: 'parentId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 0 },
				description:
					"The checklist (or item) to add it under; 0 starts a new checklist. Left out, it goes into the task's first checklist.",
			},
			{
				displayName: 'Sort Index',
				name: 'sortIndex',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 0 },
			},
		],
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const tasks: number[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			tasks[itemIndex] = taskIdOf(this, itemIndex);
			const options = this.getNodeParameter('itemOptions', itemIndex, {}) as IDataObject;
			const optionOf = (name: string) => options[name];
			const fields: IDataObject = { TITLE: requiredTextOf(this, 'title', 'Title', itemIndex) };
			if (optionOf('completed') === true) fields.IS_COMPLETE = 'Y';
			if (optionOf('important') === true) fields.IS_IMPORTANT = 'Y';
			if (optionOf('parentId') !== undefined) fields.PARENT_ID = Number(optionOf('parentId'));
			if (optionOf('sortIndex') !== undefined) fields.SORT_INDEX = Number(optionOf('sortIndex'));
			return {
				method: 'task.checklistitem.add',
				params: { TASKID: tasks[itemIndex], FIELDS: fields },
			};
		},
		toOutput: (result, itemIndex) => ({ itemId: result as number, taskId: tasks[itemIndex] }),
	});
}
