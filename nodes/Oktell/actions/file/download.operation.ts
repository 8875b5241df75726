import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItemToItems } from '../../../shared/execution/per-item';
import { binaryItem, binaryPropertyProperty } from '../../helpers/binary-reply';
import { requiredText } from '../../helpers/required-text';
import { scriptCall, serviceScriptProperties } from '../../helpers/service-script';
import type { OktellRequest } from '../../transport';
import { oktellRequest } from '../../transport';

const BY_ID: Record<string, string> = { record: 'rec', fax: 'fax', voicemail: 'vm' };

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Fax',
				value: 'fax',
				description: 'A received fax by its ID (download/fax)',
			},
			{
				name: 'File by Path',
				value: 'byPath',
				description:
					'A file by its path on the server, within the temp folder and the storage (download/files)',
			},
			{
				name: 'File by Script',
				value: 'byScript',
				description: 'The file whose path a service script returns (download/byscript)',
			},
			{ name: 'Record', value: 'record', description: 'A call record by its ID (download/rec)' },
			{ name: 'Voicemail', value: 'voicemail', description: 'A voicemail by its ID (download/vm)' },
		],
		default: 'record',
	},
	{
		displayName: 'ID',
		name: 'fileId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { source: ['record', 'fax', 'voicemail'] } },
		description: 'The ID from the link Oktell gives (over its WebSocket connection)',
	},
	{
		displayName: 'Path',
		name: 'filePath',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { source: ['byPath'] } },
		placeholder: 'Temp\\UploadData\\note.txt',
		description: "Absolute, or relative to the server's work folder or its file storage",
	},
	...serviceScriptProperties.map((property) => ({
		...property,
		displayOptions: {
			show: { ...property.displayOptions?.show, source: ['byScript'] },
		},
	})),
	binaryPropertyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['download'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(this, async (itemIndex) => {
		const request = downloadRequest(this, itemIndex);
		const reply = await oktellRequest(this, request);
		return [await binaryItem(this, reply, itemIndex, request.command.replace(/\//g, '-'))];
	});
}

function downloadRequest(context: IExecuteFunctions, itemIndex: number): OktellRequest {
	const source = context.getNodeParameter('source', itemIndex) as string;
	const text = (name: string, label: string) =>
		requiredText(context, itemIndex, name, label, `Enter the ${label} of the file to download.`);
	if (source === 'byScript') {
		const call = scriptCall(context, itemIndex);
		return {
			command: 'download/byscript',
			qs: { ...call.qs, attachment: 1 },
			timeoutMs: call.timeoutMs,
			idempotent: false,
			itemIndex,
		};
	}
	if (source === 'byPath') {
		return {
			command: 'download/files',
			qs: { path: text('filePath', 'path'), attachment: 1 },
			idempotent: true,
			itemIndex,
		};
	}
	return {
		command: `download/${BY_ID[source]}/${encodeURIComponent(text('fileId', 'ID'))}`,
		qs: { attachment: 1 },
		idempotent: true,
		itemIndex,
	};
}
