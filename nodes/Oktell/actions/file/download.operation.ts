import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runPerItemToItems } from '../../../shared/execution/per-item';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredText } from '../../helpers/required-text';
import { binaryItem, binaryPropertyProperty } from '../parameters/binary-output';
import { requestLimits, requestOptions, scriptDeadlineMs } from '../parameters/request-options';
import { scriptCall, serviceScriptProperties } from '../parameters/service-script';
import type { OktellRequest } from '../../transport';
import { OKTELL_CONCURRENCY, oktellRequest } from '../../transport';

export const option = {
	name: 'Download',
	value: 'download',
	description: 'Download a record, fax, voicemail, or a file by path or by script',
	action: 'Download a file',
};

const BY_ID: Record<string, { path: string; label: string } | undefined> = {
	record: { path: 'rec', label: 'record ID' },
	fax: { path: 'fax', label: 'fax ID' },
	voicemail: { path: 'vm', label: 'voicemail ID' },
};
const SOURCES = ['record', 'fax', 'voicemail', 'byPath', 'byScript'];

export const properties: INodeProperties[] = [
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
		description:
			'What to download. From an expression, each item picks its own: record, fax, voicemail, byPath or byScript.',
	},
	// Not marked required: with Source from an expression n8n shows every source's field, and the
	// ones an item does not use must not block the run. An empty field fails only its own item.
	{
		displayName: 'ID',
		name: 'fileId',
		type: 'string',
		default: '',
		displayOptions: { show: { source: ['record', 'fax', 'voicemail'] } },
		description:
			'The ID from the link Oktell gives (over its WebSocket connection). Needed for a record, fax or voicemail.',
	},
	{
		displayName: 'Path',
		name: 'filePath',
		type: 'string',
		default: '',
		displayOptions: { show: { source: ['byPath'] } },
		placeholder: 'Temp\\UploadData\\note.txt',
		description:
			"Absolute, or relative to the server's work folder or its file storage. Needed for a file by path.",
	},
	...serviceScriptProperties.map((property) => ({
		...property,
		required: false,
		displayOptions: {
			show: { ...property.displayOptions?.show, source: ['byScript'] },
		},
	})),
	binaryPropertyProperty,
	requestOptions({ download: true, script: true }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(
		this,
		async (itemIndex) => {
			const request = downloadRequest(this, itemIndex);
			const reply = await oktellRequest(this, request);
			return [await binaryItem(this, reply, itemIndex, request.command.replace(/\//g, '-'))];
		},
		{ concurrency: OKTELL_CONCURRENCY, effect: runsScripts(this) ? 'write' : 'read' },
	);
}

/** A download by script runs the script: the run then writes. */
function runsScripts(context: IExecuteFunctions): boolean {
	return context.getInputData().some((_, itemIndex) => {
		try {
			return context.getNodeParameter('source', itemIndex) === 'byScript';
		} catch {
			return true;
		}
	});
}

function downloadRequest(context: IExecuteFunctions, itemIndex: number): OktellRequest {
	const source = context.getNodeParameter('source', itemIndex) as string;
	const limits = requestLimits(context, itemIndex, { download: true });
	if (source === 'byScript') {
		const call = scriptCall(context, itemIndex);
		return {
			command: 'download/byscript',
			qs: { ...call.qs, attachment: 1 },
			effect: 'write',
			itemIndex,
			...limits,
			timeoutMs: scriptDeadlineMs(limits, call.timeoutMs),
		};
	}
	if (source === 'byPath') {
		const path = requiredText(
			context,
			itemIndex,
			'filePath',
			'path',
			'Enter the path of the file to download.',
		);
		return {
			command: 'download/files',
			qs: { path, attachment: 1 },
			effect: 'read',
			shareReply: false,
			itemIndex,
			...limits,
		};
	}
	const kind = BY_ID[source];
	if (!kind) {
		throw inputError(
			context.getNode(),
			`"${source}" is not a source Oktell can download from`,
			`Set Source (or the expression that gives it for this item) to one of: ${SOURCES.join(', ')}.`,
			itemIndex,
		);
	}
	const id = pathSegment(
		() => context.getNode(),
		context.getNodeParameter('fileId', itemIndex, ''),
		kind.label,
		itemIndex,
	);
	return {
		command: `download/${kind.path}/${id}`,
		qs: { attachment: 1 },
		effect: 'read',
		shareReply: false,
		itemIndex,
		...limits,
	};
}
