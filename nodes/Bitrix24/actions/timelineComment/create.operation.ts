import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { ownerTypeName } from '../../crm/owner-types';
import { ownerOf, ownerProperties } from '../crm-owner/owner';
import { runCommandsAcrossItems } from '../records/run-commands';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	description: "Add a comment to a record's timeline",
	action: 'Create a timeline comment',
};

export const properties = [
	...ownerProperties(() => true),
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string' as const,
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The text of the comment',
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const sent: Array<{ ENTITY_TYPE: string; ENTITY_ID: number; COMMENT: string }> = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const owner = ownerOf(this, itemIndex);
			const comment = String(this.getNodeParameter('comment', itemIndex, '')).trim();
			if (comment === '') {
				throw inputError(
					this.getNode(),
					`"Comment" in item ${itemIndex} is empty`,
					'Enter the text of the comment.',
					itemIndex,
				);
			}
			sent[itemIndex] = {
				ENTITY_TYPE: ownerTypeName(owner.entityTypeId),
				ENTITY_ID: owner.ownerId,
				COMMENT: comment,
			};
			return { method: 'crm.timeline.comment.add', params: { fields: sent[itemIndex] } };
		},
		toOutput: (result, itemIndex) => ({ ID: String(result), ...sent[itemIndex] }),
	});
}
