import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { readJsonBlock } from '../parameters/json-block';
import { copyTextOptions } from '../parameters/option-values';
import { optionsProperty } from '../parameters/portal-options';
import { runCommandsAcrossItems } from '../records/run-commands';
import { userIdOf, userLocator } from '../user/user-id';

export const option: OperationModule['option'] = {
	name: 'Send Notification',
	value: 'sendNotification',
	description: 'Send a personal or system notification to a user',
	action: 'Send a notification',
};

const METHODS: Record<string, string> = {
	personal: 'im.notify.personal.add',
	system: 'im.notify.system.add',
};

export const properties: INodeProperties[] = [
	userLocator('userId', 'User'),
	{
		displayName: 'Kind',
		name: 'kind',
		type: 'options',
		options: [
			{
				name: 'Personal',
				value: 'personal',
				description: 'From the user the credential belongs to, shown with their name',
			},
			{
				name: 'System',
				value: 'system',
				description: 'From the portal itself, without a sender',
			},
		],
		default: 'personal',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'The notification; BB codes such as [b]bold[/b] format it',
	},
	{
		displayName: 'Notification Options',
		name: 'notificationOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Attachment (JSON)',
				name: 'attach',
				type: 'json',
				default: '',
				description: 'Rich blocks in Bitrix24\'s attachment format, e.g. [{"MESSAGE": "Details"}]',
			},
			{
				displayName: 'Text for Email',
				name: 'messageOut',
				type: 'string',
				default: '',
				description: 'The text sent when the notification goes out by email instead',
			},
			{
				displayName: 'Tag',
				name: 'tag',
				type: 'string',
				default: '',
				description:
					"A notification with the same tag replaces this app's earlier one (e.g. one reminder per deal). Webhook calls also need Client ID.",
			},
			{
				displayName: 'Client ID',
				name: 'clientId',
				type: 'string',
				default: '',
				description: 'With an incoming webhook and a tag: any fixed name for your integration',
			},
		],
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const users: number[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			users[itemIndex] = userIdOf(this, itemIndex);
			const kind = String(this.getNodeParameter('kind', itemIndex, 'personal'));
			const method = METHODS[kind];
			const text = String(this.getNodeParameter('text', itemIndex, '') ?? '').trim();
			if (!method || text === '') {
				throw inputError(
					this.getNode(),
					method
						? `The notification in ${itemName(itemIndex)} is empty`
						: `"${kind}" in ${itemName(itemIndex)} is not a kind of notification`,
					method ? 'Enter the text to send.' : 'Set Kind to personal or system.',
					itemIndex,
				);
			}
			const params: IDataObject = { USER_ID: users[itemIndex], MESSAGE: text };
			const attach = readJsonBlock(
				this,
				'notificationOptions.attach',
				'Attachment (JSON)',
				itemIndex,
			);
			if (attach !== undefined) params.ATTACH = attach;
			copyTextOptions(
				this.getNodeParameter('notificationOptions', itemIndex, {}) as IDataObject,
				[
					['messageOut', 'MESSAGE_OUT'],
					['tag', 'TAG'],
					['clientId', 'CLIENT_ID'],
				],
				params,
			);
			return { method, params };
		},
		toOutput: (result, itemIndex) => ({
			notificationId: result as number | boolean,
			userId: users[itemIndex],
		}),
	});
}
