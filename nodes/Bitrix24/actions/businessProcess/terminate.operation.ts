import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { runCommandsAcrossItems } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Terminate',
	value: 'terminate',
	description: 'Stop a running business process',
	action: 'Terminate a business process',
};

export const properties = [
	{
		displayName: 'Business Process ID',
		name: 'workflowId',
		type: 'string' as const,
		default: '',
		required: true,
		placeholder: '66e81a641752f8.56521481',
		description: 'The ID of the running business process, as Start or Get Many returned it',
	},
	{
		displayName: 'Status Text',
		name: 'statusText',
		type: 'string' as const,
		default: '',
		description: 'A note shown as the reason it was stopped',
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const ids: string[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const id = String(this.getNodeParameter('workflowId', itemIndex, '')).trim();
			if (!/^[0-9a-f]+\.[0-9]+$/i.test(id)) {
				throw inputError(
					this.getNode(),
					`"Business Process ID" in item ${itemIndex} is not a business process ID: ${JSON.stringify(id)}`,
					'Give the ID as Start or Get Many returned it, such as 66e81a641752f8.56521481.',
					itemIndex,
				);
			}
			ids[itemIndex] = id;
			const status = String(this.getNodeParameter('statusText', itemIndex, '')).trim();
			return {
				method: 'bizproc.workflow.terminate',
				params: { ID: id, ...(status === '' ? {} : { STATUS: status }) },
			};
		},
		toOutput: (_, itemIndex) => ({ workflowId: ids[itemIndex], terminated: true }),
	});
}
