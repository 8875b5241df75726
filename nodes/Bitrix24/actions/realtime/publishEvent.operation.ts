import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { jsonObject } from '../../helpers/json-object';
import { checkCommand, checkModuleId, userIds } from '../../helpers/pull-fields';
import { bitrixApiRequest } from '../../transport';
import { optionsProperty, targetOf } from '../common';
import { requireOAuth2 } from './oauth-only';

const properties: INodeProperties[] = [
	{
		displayName: 'Command',
		name: 'command',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'dealChanged',
		description: 'The event name subscribers filter on: letters, digits, _, :, |, . and -.',
	},
	{
		displayName: 'Parameters',
		name: 'params',
		type: 'json',
		default: '{}',
		description: 'The event data as a JSON object',
	},
	{
		displayName: 'Module ID',
		name: 'moduleId',
		type: 'string',
		default: 'application',
		description: 'Groups the events of one app: lowercase letters, digits, dots and underscores',
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: '1, 15',
		description:
			"Send to these users' private channels only; leave empty to publish on the portal's shared channel",
	},
	optionsProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['realtime'], operation: ['publishEvent'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	requireOAuth2(this, 'pull.application.event.add');
	const target = targetOf(this);
	const node = this.getNode();
	return await runPerItem(this, async (itemIndex) => {
		const command = checkCommand(node, this.getNodeParameter('command', itemIndex), itemIndex);
		const moduleId = checkModuleId(node, this.getNodeParameter('moduleId', itemIndex), itemIndex);
		const users = userIds(node, this.getNodeParameter('userIds', itemIndex), itemIndex);
		const params = jsonObject(
			node,
			this.getNodeParameter('params', itemIndex),
			'Parameters',
			itemIndex,
		);
		const reply = await bitrixApiRequest(this, target, {
			method: 'pull.application.event.add',
			params: {
				COMMAND: command,
				PARAMS: params,
				MODULE_ID: moduleId,
				...(users.length > 0 ? { USER_ID: users } : {}),
			},
			idempotent: false,
			itemIndex,
		});
		return { published: reply.result === true, command, moduleId, userIds: users };
	});
}
