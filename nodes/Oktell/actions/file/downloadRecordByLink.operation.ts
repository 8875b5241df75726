import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runPerItemToItems } from '../../../shared/execution/per-item';
import { binaryItem, binaryPropertyProperty } from '../../helpers/binary-reply';
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
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['downloadRecordByLink'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(this, async (itemIndex) => {
		const recordLink = String(this.getNodeParameter('recordLink', itemIndex, '')).trim();
		if (recordLink === '') {
			throw inputError(
				this.getNode(),
				'No record link given',
				'Enter the record link code.',
				itemIndex,
			);
		}
		const reply = await oktellRequest(this, {
			command: 'downloadrecordbylink',
			qs: { recordlink: recordLink },
			idempotent: true,
			itemIndex,
		});
		return [await binaryItem(this, reply, itemIndex, `record-${recordLink}`)];
	});
}
