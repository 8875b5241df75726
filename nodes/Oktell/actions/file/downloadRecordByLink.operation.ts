import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItemToItems } from '../../../shared/execution/per-item';
import { binaryItem, binaryPropertyProperty } from '../../helpers/binary-reply';
import { requestLimits, requestOptions } from '../../helpers/request-options';
import { requiredText } from '../../helpers/required-text';
import { oktellRequest } from '../../transport';

const properties: INodeProperties[] = [
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

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['downloadRecordByLink'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(this, async (itemIndex) => {
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
			idempotent: true,
			itemIndex,
			...requestLimits(this, itemIndex, { download: true }),
		});
		return [await binaryItem(this, reply, itemIndex, `record-${recordLink}`)];
	});
}
