import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { userIds } from '../../helpers/pull-fields';
import { bitrixApiRequest } from '../../transport';
import { requireOAuth2 } from '../parameters/oauth-only';
import { optionsProperty, targetOf } from '../parameters/portal-options';

export const option: OperationModule['option'] = {
	name: 'Send Push',
	value: 'sendPush',
	description: 'Send a push notification to users of the mobile app (OAuth2 app only)',
	action: 'Send a push notification',
};

export const properties: INodeProperties[] = [
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
				`A push needs user IDs and a text (${itemName(itemIndex)})`,
				'Enter at least one user ID and the text to send.',
				itemIndex,
			);
		}
		const reply = await bitrixApiRequest(this, target, {
			method: 'pull.application.push.add',
			params: { USER_ID: users, TEXT: text },
			effect: 'write',
			itemIndex,
		});
		return { sent: reply.result === true, userIds: users, text };
	});
}
