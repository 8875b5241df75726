import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { ownerOf, ownerProperties } from '../crm-owner/owner';
import { bitrixDateTimeOf } from '../parameters/date-time-parameter';
import { runCommandsAcrossItems } from '../records/run-commands';
import { userIdOf, userLocator } from '../user/user-id';

export const option: OperationModule['option'] = {
	name: 'Create To-Do',
	value: 'createTodo',
	description: 'Add a to-do (дело) with a deadline to a record',
	action: 'Create a to-do',
};

export const properties = [
	...ownerProperties(() => true),
	{
		displayName: 'Deadline',
		name: 'deadline',
		type: 'dateTime' as const,
		default: '',
		required: true,
		description: "When the to-do is due (in the workflow's time zone unless the value names one)",
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string' as const,
		default: '',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string' as const,
		typeOptions: { rows: 3 },
		default: '',
	},
	{
		...userLocator('responsibleId', 'Responsible User'),
		required: false,
		description: 'Who does it; empty: the user the credential acts as',
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const sent: IDataObject[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const owner = ownerOf(this, itemIndex);
			const responsible = this.getNodeParameter('responsibleId', itemIndex, '', {
				extractValue: true,
			});
			sent[itemIndex] = {
				ownerTypeId: owner.entityTypeId,
				ownerId: owner.ownerId,
				deadline: deadlineOf(this, itemIndex),
				title: this.getNodeParameter('title', itemIndex, ''),
				description: this.getNodeParameter('description', itemIndex, ''),
				...(String(responsible ?? '').trim() === ''
					? {}
					: { responsibleId: userIdOf(this, itemIndex, 'responsibleId', 'Responsible User') }),
			};
			return { method: 'crm.activity.todo.add', params: sent[itemIndex] };
		},
		toOutput: (result, itemIndex) => ({
			id: (result as IDataObject | null)?.id,
			...sent[itemIndex],
		}),
	});
}

function deadlineOf(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('deadline', itemIndex, '');
	const problem = (what: string, hint: string) =>
		inputError(context.getNode(), `"Deadline" in item ${itemIndex} ${what}`, hint, itemIndex);
	if (value === '' || value === null) throw problem('is empty', 'Give when the to-do is due.');
	return bitrixDateTimeOf(context, value, 'Deadline', itemIndex);
}
