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
	description: 'Add a comment to a task',
	action: 'Add a task comment',
};

export const properties: INodeProperties[] = [
	taskIdProperty,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'The comment; BB codes such as [b]bold[/b] format it',
	},
	{
		displayName: 'Author User ID',
		name: 'authorId',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 0 },
		description: 'Post it on behalf of this user; 0 posts as the user the credential belongs to',
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const tasks: number[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			tasks[itemIndex] = taskIdOf(this, itemIndex);
			const fields: IDataObject = { POST_MESSAGE: requiredTextOf(this, 'text', 'Text', itemIndex) };
			const author = Number(this.getNodeParameter('authorId', itemIndex, 0));
			if (author > 0) fields.AUTHOR_ID = author;
			// The tasks module reads its parameters in this order.
			return {
				method: 'task.commentitem.add',
				params: { TASKID: tasks[itemIndex], FIELDS: fields },
			};
		},
		toOutput: (result, itemIndex) => ({ commentId: result as number, taskId: tasks[itemIndex] }),
	});
}
