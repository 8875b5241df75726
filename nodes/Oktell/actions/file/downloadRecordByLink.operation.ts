import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItemToItems } from '../../../shared/execution/per-item';
import { requiredText } from '../../helpers/required-text';
import { binaryItem, binaryPropertyProperty } from '../parameters/binary-output';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { OKTELL_CONCURRENCY, oktellRequest } from '../../transport';

export const option = {
	name: 'Download Record By Link',
	value: 'downloadRecordByLink',
	description: 'Download a call record by its packed link code (downloadrecordbylink)',
	action: 'Download a record by link',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Record Link',
		name: 'recordLink',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ABCDEFGH',
		description: 'The packed record code Oktell gives over its WebSocket connection',
	},
	binaryPropertyProperty,
	requestOptions({ download: true }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(
		this,
		async (itemIndex) => {
			const recordLink = requiredText(
				this,
				itemIndex,
				'recordLink',
				'record link',
				'Enter the record link code.',
			);
			const reply = await oktellRequest(this, {
				command: 'downloadrecordbylink',
				qs: { recordlink: recordLink },
				effect: 'read',
				shareReply: false,
				itemIndex,
				...requestLimits(this, itemIndex, { download: true }),
			});
			return [await binaryItem(this, reply, itemIndex, `record-${recordLink}`)];
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
