import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { runCommandsAcrossItems } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Complete',
	value: 'complete',
	description: 'Mark an activity (дело) as completed',
	action: 'Complete an activity',
};

export const properties = [
	{
		displayName: 'Activity ID',
		name: 'activityId',
		type: 'string' as const,
		default: '',
		required: true,
		placeholder: '999',
		description: 'The ID of the activity, as Get Many or Create To-Do returned it',
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const ids: number[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const text = String(this.getNodeParameter('activityId', itemIndex, '')).trim();
			if (!/^\d+$/.test(text) || Number(text) <= 0) {
				throw inputError(
					this.getNode(),
					`"Activity ID" in item ${itemIndex} is not an activity ID: ${JSON.stringify(text)}`,
					'Give the ID of the activity, such as 999 (its ID in Get Many).',
					itemIndex,
				);
			}
			ids[itemIndex] = Number(text);
			// REST docs, crm-activity-add.md: an activity is completed by an update of its completion flag.
			return {
				method: 'crm.activity.update',
				params: { id: ids[itemIndex], fields: { COMPLETED: 'Y' } },
			};
		},
		toOutput: (_, itemIndex) => ({ id: ids[itemIndex], completed: true }),
	});
}
