import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItemToItems } from '../../../shared/execution/per-item';
import { requiredText } from '../../helpers/required-text';
import { binaryItem, binaryPropertyProperty } from '../parameters/binary-output';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { OKTELL_CONCURRENCY, oktellRequest } from '../../transport';

export const option = {
	name: 'Download Shared File',
	value: 'downloadShared',
	description: "Download a file from the storage's open folder (getsharedfile)",
	action: 'Download a shared file',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'sharedPath',
		type: 'string',
		default: '',
		required: true,
		placeholder: '123.jpg',
		description:
			"The file's path in the storage's open folder (LocalStorage\\Shared), absolute or relative",
	},
	binaryPropertyProperty,
	requestOptions({ download: true }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(
		this,
		async (itemIndex) => {
			const path = requiredText(
				this,
				itemIndex,
				'sharedPath',
				'path',
				'Enter the path of a file in the open folder.',
			);
			const reply = await oktellRequest(this, {
				command: 'getsharedfile',
				qs: { path, attachment: 1 },
				effect: 'read',
				shareReply: false,
				itemIndex,
				...requestLimits(this, itemIndex, { download: true }),
			});
			return [await binaryItem(this, reply, itemIndex, path.replace(/^.*[\\/]/, ''))];
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
