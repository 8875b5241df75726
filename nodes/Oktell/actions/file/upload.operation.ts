import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { apiError, inputError, itemName } from '../../../shared/errors/node-errors';
import { runPerItemToItems } from '../../../shared/execution/per-item';
import { quoteStart } from '../../../shared/http/reply-body';
import { plainReplyItem } from '../parameters/binary-output';
import { rawOutputProperty, wantsRawOutput } from '../parameters/raw-output';
import { requestLimits, requestOptions, scriptDeadlineMs } from '../parameters/request-options';
import { scriptCall, scriptResult, serviceScriptProperties } from '../parameters/service-script';
import type { OktellReply, QueryValue } from '../../transport';
import { mapperSets, oktellRequest, parseXml, replyText } from '../../transport';
import type { UploadFile } from '../../transport/multipart';
import { multipartBody } from '../../transport/multipart';
import { flag, typedValue } from '../../transport/typed-value';

export const option = {
	name: 'Upload',
	value: 'upload',
	description: 'Upload binary data to the server, one or more files per item (upload)',
	action: 'Upload files',
};

const SCRIPT_MODES = ['script', 'scriptplain'];
/** Files take longer to send than a command. */
const UPLOAD_TIMEOUT_S = 120;

export const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'data, attachment',
		hint: 'The binary fields of the input item to upload, separated by commas: all go in one request',
	},
	{
		displayName: 'Storage Mode',
		name: 'storageMode',
		type: 'options',
		options: [
			{
				name: 'Script',
				value: 'script',
				description:
					'Save to the temp folder, then run a service script that places the files; returns its result like Execute',
			},
			{
				name: 'Script (Plain Reply)',
				value: 'scriptplain',
				description: "As Script, returning the script's plain reply like Execute Plain",
			},
			{
				name: 'Shared Storage',
				value: 'storageshared',
				description: 'The open folder of the storage, downloadable without a login by direct link',
			},
			{
				name: 'Storage',
				value: 'storage',
				description: 'The file storage, downloadable only with a login',
			},
			{
				name: 'Temp',
				value: 'temp',
				description: 'The temp folder, emptied when the service restarts',
			},
		],
		default: 'temp',
	},
	{
		displayName: 'Return Paths As',
		name: 'pathMode',
		type: 'options',
		options: [
			{ name: 'Relative', value: 'relative' },
			{ name: 'Absolute', value: 'absolute' },
		],
		default: 'relative',
	},
	{
		displayName: 'Subfolder',
		name: 'subfolder',
		type: 'string',
		default: '',
		placeholder: 'MessageFiles',
		description: 'A folder (or path) under the chosen storage to put the files in',
	},
	...serviceScriptProperties.map((property) => ({
		...property,
		displayOptions: { show: { ...property.displayOptions?.show, storageMode: SCRIPT_MODES } },
	})),
	{
		...rawOutputProperty,
		displayOptions: { hide: { storageMode: ['scriptplain'] } },
	},
	requestOptions({ script: true, timeoutSeconds: UPLOAD_TIMEOUT_S }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(this, async (itemIndex) => {
		const files = await filesOf(this, itemIndex);
		const storageMode = this.getNodeParameter('storageMode', itemIndex, 'temp') as string;
		const script = SCRIPT_MODES.includes(storageMode) ? scriptCall(this, itemIndex) : undefined;
		const qs: Record<string, QueryValue> = {
			...script?.qs,
			storagemode: storageMode,
			pathmode: this.getNodeParameter('pathMode', itemIndex, 'relative') as string,
			subfolder: String(this.getNodeParameter('subfolder', itemIndex, '')).trim(),
		};
		const { body, contentType } = multipartBody(files);
		const reply = await oktellRequest(this, {
			command: 'upload',
			method: 'POST',
			qs,
			headers: { 'Content-Type': contentType },
			body,
			timeoutMs:
				scriptDeadlineMs(requestLimits(this, itemIndex), script?.timeoutMs) ??
				UPLOAD_TIMEOUT_S * 1000,
			effect: 'write',
			itemIndex,
		});
		if (storageMode === 'scriptplain') return [await plainReplyItem(this, reply, itemIndex)];
		if (wantsRawOutput(this, itemIndex)) {
			const xml = replyText(this, reply, { effect: 'write', itemIndex });
			return [{ json: { xml }, pairedItem: { item: itemIndex } }];
		}
		const json =
			storageMode === 'script'
				? [scriptOutcome(this, reply, itemIndex)]
				: savedFiles(this, reply, itemIndex);
		return json.map((entry) => ({ json: entry, pairedItem: { item: itemIndex } }));
	});
}

async function filesOf(context: IExecuteFunctions, itemIndex: number): Promise<UploadFile[]> {
	const names = String(context.getNodeParameter('binaryPropertyNames', itemIndex, 'data'))
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
	if (names.length === 0) {
		throw inputError(
			context.getNode(),
			'No input binary field given',
			'Enter the name of the binary field that holds the file, such as "data".',
			itemIndex,
		);
	}
	const binary = context.getInputData()[itemIndex].binary ?? {};
	return await Promise.all(
		names.map(async (name) => {
			const data = binary[name];
			if (!data) {
				const present = Object.keys(binary);
				throw inputError(
					context.getNode(),
					`No binary field "${name}" in ${itemName(itemIndex)}`,
					present.length > 0
						? `Its binary fields are: ${present.join(', ')}.`
						: 'The item has no binary data; read or download a file before this node.',
					itemIndex,
				);
			}
			return {
				fileName: data.fileName ?? `${name}${data.fileExtension ? `.${data.fileExtension}` : ''}`,
				mimeType: data.mimeType || 'application/octet-stream',
				bytes: await context.helpers.getBinaryDataBuffer(itemIndex, name),
			};
		}),
	);
}

/** `<uploadfilesresult>`: one `{name, saved, size, path}` per file sent. */
function savedFiles(
	context: IExecuteFunctions,
	reply: OktellReply,
	itemIndex: number,
): IDataObject[] {
	const text = replyText(context, reply, { effect: 'write', itemIndex });
	const result = parseXml(context, text, itemIndex).uploadfilesresult as IDataObject | undefined;
	if (!result || typeof result !== 'object') {
		throw apiError(context.getNode(), {
			message: `Oktell sent no <uploadfilesresult>: ${quoteStart(text)}`,
			description: 'Check the Server URL and the storage mode.',
			itemIndex,
		});
	}
	return ((result.file as IDataObject[] | undefined) ?? []).map((file) => ({
		name: String(file['@_name'] ?? ''),
		saved: flag(file['@_saved']) ?? false,
		size: typeof file['@_size'] === 'string' ? typedValue(file['@_size']) : null,
		path: typeof file['@_path'] === 'string' ? file['@_path'] : null,
	}));
}

function scriptOutcome(
	context: IExecuteFunctions,
	reply: OktellReply,
	itemIndex: number,
): IDataObject {
	const text = replyText(context, reply, { effect: 'write', itemIndex });
	const sets = mapperSets(context, text, parseXml(context, text, itemIndex), itemIndex);
	return scriptResult(sets.find((set) => set.setName === 'execsvcscript') ?? sets[0]);
}
