import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
import type { OperationModule } from '../../../shared/execution/resources';
import { readJsonBlock } from '../parameters/json-block';
import { optionsProperty } from '../parameters/portal-options';
import { runCommandsAcrossItems } from '../records/run-commands';
import { dialogIdOf, dialogProperties } from './dialog';

export const option: OperationModule['option'] = {
	name: 'Send',
	value: 'send',
	description: 'Send a message to a chat or to a user',
	action: 'Send a message',
};

export const properties: INodeProperties[] = [
	...dialogProperties,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description:
			'The message; BB codes such as [b]bold[/b] format it. May be empty when an attachment is given.',
	},
	{
		displayName: 'Message Options',
		name: 'messageOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Attachment (JSON)',
				name: 'attach',
				type: 'json',
				default: '',
				description:
					'Rich blocks under the text (links, images, a grid of values) in Bitrix24\'s attachment format, e.g. [{"MESSAGE": "Deal won"}, {"LINK": {"NAME": "Open", "LINK": "https://…"}}]',
			},
			{
				displayName: 'Keyboard (JSON)',
				name: 'keyboard',
				type: 'json',
				default: '',
				description:
					'Buttons under the message in Bitrix24\'s keyboard format, e.g. [{"TEXT": "Open", "LINK": "https://…"}]',
			},
			{
				displayName: 'System Message',
				name: 'system',
				type: 'boolean',
				default: false,
				description: 'Whether to show it as a system message (no author)',
			},
			{
				displayName: 'Link Previews',
				name: 'urlPreview',
				type: 'boolean',
				default: true,
				description: 'Whether links in the text get a preview',
			},
		],
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const dialogs: string[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			dialogs[itemIndex] = dialogIdOf(this, itemIndex);
			const text = String(this.getNodeParameter('text', itemIndex, '') ?? '').trim();
			const attach = readJsonBlock(this, 'messageOptions.attach', 'Attachment (JSON)', itemIndex);
			const keyboard = readJsonBlock(this, 'messageOptions.keyboard', 'Keyboard (JSON)', itemIndex);
			if (text === '' && attach === undefined) {
				throw inputError(
					this.getNode(),
					`The message in ${itemName(itemIndex)} is empty`,
					'Enter a text, or an attachment in the message options.',
					itemIndex,
				);
			}
			const params: IDataObject = { DIALOG_ID: dialogs[itemIndex], MESSAGE: text };
			if (attach !== undefined) params.ATTACH = attach;
			if (keyboard !== undefined) params.KEYBOARD = keyboard;
			if (this.getNodeParameter('messageOptions.system', itemIndex, false) === true) {
				params.SYSTEM = 'Y';
			}
			if (this.getNodeParameter('messageOptions.urlPreview', itemIndex, true) === false) {
				params.URL_PREVIEW = 'N';
			}
			return { method: 'im.message.add', params };
		},
		toOutput: (result, itemIndex) => ({
			messageId: result as number,
			dialogId: dialogs[itemIndex],
		}),
	});
}
