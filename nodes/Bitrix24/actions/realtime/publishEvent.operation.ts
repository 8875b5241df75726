import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { readJsonObject } from '../../../shared/parameters/json-object';
import { checkCommand, checkModuleId, userIds } from '../../helpers/pull-fields';
import { bitrixApiRequest } from '../../transport';
import { requireOAuth2 } from '../parameters/oauth-only';
import { optionsProperty, targetOf } from '../parameters/portal-options';

export const option: OperationModule['option'] = {
	name: 'Publish Event',
	value: 'publishEvent',
	description: "Publish an event on the app's channels (OAuth2 app only)",
	action: 'Publish a real time event',
};

export const properties: INodeProperties[] = [
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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	requireOAuth2(this, 'pull.application.event.add');
	const target = targetOf(this);
	const node = this.getNode();
	return await runPerItem(this, async (itemIndex) => {
		const command = checkCommand(node, this.getNodeParameter('command', itemIndex), itemIndex);
		const moduleId = checkModuleId(node, this.getNodeParameter('moduleId', itemIndex), itemIndex);
		const users = userIds(node, this.getNodeParameter('userIds', itemIndex), itemIndex);
		const params = readJsonObject(
			node,
			this.getNodeParameter('params', itemIndex),
			{ label: 'Parameters', example: '{"dealId": 10}' },
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
			effect: 'write',
			itemIndex,
		});
		return { published: reply.result === true, command, moduleId, userIds: users };
	});
}
