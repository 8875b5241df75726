import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { maxReplySizeOption, timeoutOption } from '../../../shared/description/request-limits';
import { runPerItemToItems } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { BITRIX24_CONCURRENCY, MAX_REPLY_MEGABYTES, TIMEOUT_SECONDS } from '../../transport';
import { downloadFromPortal } from '../../transport/download';
import { planOption, targetOf } from '../parameters/portal-options';
import { LIMITS_HINT, batchLimits, runCommandsAcrossItems } from '../records/run-commands';
import { driveFileOutput, driveIdOf } from './drive-parameters';

export const option: OperationModule['option'] = {
	name: 'Download',
	value: 'download',
	description: 'Download a Drive file into a binary field',
	action: 'Download a file from Drive',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '9043',
		description: 'The Drive file, as an upload or a folder listing gives it (ID)',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [planOption, timeoutOption(TIMEOUT_SECONDS), maxReplySizeOption(MAX_REPLY_MEGABYTES)],
	},
];

/** The files' details in batches of 50, then each file's bytes, two items at a time. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const target = targetOf(this);
	const files = await runCommandsAcrossItems(this, {
		effect: 'read',
		commandOf: (itemIndex) => ({
			method: 'disk.file.get',
			params: { id: driveIdOf(this, 'fileId', 'File ID', itemIndex) },
		}),
		toOutput: (result) => result as IDataObject,
	});
	const fileOf = new Map(files.map((item) => [pairedIndex(item), item]));
	return await runPerItemToItems(
		this,
		async (itemIndex) => {
			const found = fileOf.get(itemIndex);
			if (!found || found.json.error !== undefined) return found ? [found] : [];
			const file = found.json;
			const limits = batchLimits(this);
			const reply = await downloadFromPortal(this, target, {
				url: String(file.DOWNLOAD_URL ?? ''),
				itemIndex,
				timeoutMs: limits.timeoutMs,
				maxReplyBytes: limits.maxReplyBytes,
				limitsHint: LIMITS_HINT,
			});
			const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data'));
			const name = String(file.NAME ?? `file-${String(file.ID)}`);
			const binary = await this.helpers.prepareBinaryData(reply.body, name);
			return [
				{
					json: { ...driveFileOutput(file), fileSize: reply.body.length },
					binary: { [property]: binary },
					pairedItem: { item: itemIndex },
				},
			];
		},
		{ concurrency: BITRIX24_CONCURRENCY },
	);
}

function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : (paired?.item ?? 0);
}
