import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import { readJsonObject } from '../../../shared/parameters/json-object';
import { bizprocDocumentId } from '../../crm/owner-types';
import { ownerOf, ownerProperties } from '../crm-owner/owner';
import { runCommandsAcrossItems } from '../records/run-commands';
import { templateIdOf, templateProperty } from './template';

export const option: OperationModule['option'] = {
	name: 'Start',
	value: 'start',
	description: 'Start a business process (бизнес-процесс) for a CRM record',
	action: 'Start a business process',
};

export const properties = [
	...ownerProperties(() => true),
	templateProperty,
	{
		displayName: 'Template Parameters (JSON)',
		name: 'parameters',
		type: 'json' as const,
		default: '{}',
		description:
			'Values for the parameters the template asks for at start, by their codes, e.g. {"comment": "Срочно", "approver": "user_15"} (a user as user_ and their ID)',
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const started: Array<{ templateId: number; documentId: string[] }> = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const owner = ownerOf(this, itemIndex);
			const templateId = templateIdOf(this, itemIndex);
			const parameters = readJsonObject(
				this.getNode(),
				this.getNodeParameter('parameters', itemIndex, '{}'),
				{ label: 'Template Parameters (JSON)', example: '{"comment": "Срочно"}' },
				itemIndex,
			);
			const documentId = bizprocDocumentId(owner.entityTypeId, owner.ownerId);
			started[itemIndex] = { templateId, documentId };
			return {
				method: 'bizproc.workflow.start',
				params: {
					TEMPLATE_ID: templateId,
					DOCUMENT_ID: documentId,
					...(Object.keys(parameters).length > 0 ? { PARAMETERS: parameters } : {}),
				},
			};
		},
		toOutput: (result, itemIndex) => ({ workflowId: String(result), ...started[itemIndex] }),
	});
}
