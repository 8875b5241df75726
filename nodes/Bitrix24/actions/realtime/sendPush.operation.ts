import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import { userIds } from '../../helpers/pull-fields';
import { bitrixApiRequest } from '../../transport';
import { optionsProperty, targetOf } from '../common';
import { requireOAuth2 } from './oauth-only';

const properties: INodeProperties[] = [
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1, 15',
		description: 'The users whose Bitrix24 mobile app receives the push, separated by commas',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		required: true,
		description: 'The push notification text',
	},
	optionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['realtime'], operation: ['sendPush'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	requireOAuth2(this, 'pull.application.push.add');
	const target = targetOf(this);
	const node = this.getNode();
	return await runPerItem(this, async (itemIndex) => {
		const users = userIds(node, this.getNodeParameter('userIds', itemIndex), itemIndex);
		const text = String(this.getNodeParameter('text', itemIndex) ?? '');
		if (users.length === 0 || text.trim() === '') {
			throw inputError(
				node,
				`A push needs user IDs and a text (item ${itemIndex + 1})`,
				'Enter at least one user ID and the text to send.',
				itemIndex,
			);
		}
		const reply = await bitrixApiRequest(this, target, {
			method: 'pull.application.push.add',
			params: { USER_ID: users, TEXT: text },
			idempotent: false,
			itemIndex,
		});
		return { sent: reply.result === true, userIds: users, text };
	});
}
