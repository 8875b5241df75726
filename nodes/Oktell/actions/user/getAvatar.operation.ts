import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runPerItemToItems } from '../../../shared/execution/per-item';
import { binaryItem, binaryPropertyProperty } from '../parameters/binary-output';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { OKTELL_CONCURRENCY, oktellRequest } from '../../transport';

export const option = {
	name: 'Get Avatar',
	value: 'getAvatar',
	description: "Download a user's picture (getavatar)",
	action: 'Get the avatar of a user',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		placeholder: 'DA803F01-EA77-40FA-BC9D-E2EFB36FD5A8',
		description: "The user's GUID: gets the full-size image",
	},
	{
		displayName: 'Image Path',
		name: 'path',
		type: 'string',
		default: '',
		description:
			'Path or file name of the image, for a reduced copy or a known link; used before the user ID',
	},
	binaryPropertyProperty,
	requestOptions({ download: true }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(
		this,
		async (itemIndex) => {
			const userId = String(this.getNodeParameter('userId', itemIndex, '')).trim();
			const path = String(this.getNodeParameter('path', itemIndex, '')).trim();
			if (userId === '' && path === '') {
				throw inputError(
					this.getNode(),
					'No user ID or image path given',
					"Enter the user's GUID, or the path of the image.",
					itemIndex,
				);
			}
			const reply = await oktellRequest(this, {
				command: 'getavatar',
				qs: { userid: userId, path, attachment: 1 },
				idempotent: true,
				itemIndex,
				...requestLimits(this, itemIndex, { download: true }),
			});
			return [await binaryItem(this, reply, itemIndex, `avatar-${userId || 'image'}`, { userId })];
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
