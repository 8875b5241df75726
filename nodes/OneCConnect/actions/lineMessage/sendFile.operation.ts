import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runConversationCommand } from '../parameters/conversation-command';
import { keyboardOf, keyboardProperties } from '../parameters/keyboard';
import {
	authorOf,
	authorProperty,
	conversationProperties,
	pushWriteOptions,
} from '../parameters/push-conversation';

export const option = {
	name: 'Send File',
	value: 'sendFile',
	description: "Send a file from the item's binary data to a client in a line (push API)",
	action: 'Send a file in a line',
};

export const properties: INodeProperties[] = [
	...conversationProperties,
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description: 'The binary property of the input item that holds the file',
	},
	{
		displayName: 'Send As',
		name: 'sendAs',
		type: 'options',
		options: [
			{
				name: 'File',
				value: 'file',
				description: 'A document the client downloads',
			},
			{ name: 'Image', value: 'image', description: 'A picture shown in the chat' },
		],
		default: 'file',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description: "The name the client sees; empty uses the binary data's own file name",
	},
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		default: '',
		description: 'Text shown with the file',
	},
	authorProperty,
	...keyboardProperties,
	pushWriteOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runConversationCommand(this, {
		path: (itemIndex) =>
			this.getNodeParameter('sendAs', itemIndex, 'file') === 'image'
				? '/v1/line/send/image/'
				: '/v1/line/send/file/',
		what: 'Send File',
		body: async (itemIndex, conversation) => {
			const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data'));
			const binary = this.helpers.assertBinaryData(itemIndex, property);
			const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, property);
			const fileName =
				String(this.getNodeParameter('fileName', itemIndex, '')).trim() ||
				binary.fileName ||
				'file';
			const comment = String(this.getNodeParameter('comment', itemIndex, ''));
			const keyboard = keyboardOf(this, itemIndex);
			// The example bot's shape: a `meta` JSON part, then the `file` part.
			const meta = {
				...conversation,
				...authorOf(this, itemIndex),
				file_name: fileName,
				...(comment ? { comment } : {}),
				...(keyboard ? { keyboard } : {}),
			};
			const form = new FormData();
			form.append('meta', new Blob([JSON.stringify(meta)], { type: 'application/json' }));
			form.append('file', new Blob([bytes], { type: binary.mimeType }), fileName);
			const encoded = new Response(form);
			return {
				multipart: {
					body: Buffer.from(await encoded.arrayBuffer()),
					contentType: encoded.headers.get('content-type') ?? '',
				},
			};
		},
		output: (itemIndex) => ({
			sentAs: this.getNodeParameter('sendAs', itemIndex, 'file'),
		}),
	});
}
