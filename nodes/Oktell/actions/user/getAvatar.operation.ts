import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';
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
		displayName:
			'Give User ID or Image Path (at least one). With both, Oktell uses the path and falls back to the user ID.',
		name: 'avatarNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		placeholder: 'DA803F01-EA77-40FA-BC9D-E2EFB36FD5A8',
		description: "The user's GUID: gets the full-size image. Needed unless Image Path is given.",
	},
	{
		displayName: 'Image Path',
		name: 'path',
		type: 'string',
		default: '',
		description:
			'Path or file name of the image, for a reduced copy or a known link; used before the user ID. Needed unless User ID is given.',
	},
	binaryPropertyProperty,
	requestOptions({ download: true }),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(
		this,
		async (itemIndex) => {
			const { userId, path } = avatarSource(this, itemIndex);
			const reply = await oktellRequest(this, {
				command: 'getavatar',
				qs: { userid: userId, path, attachment: 1 },
				effect: 'read',
				shareReply: false,
				itemIndex,
				...requestLimits(this, itemIndex, { download: true }),
			});
			return [await binaryItem(this, reply, itemIndex, `avatar-${userId || 'image'}`, { userId })];
		},
		// Every item is checked before the first download starts.
		{ concurrency: OKTELL_CONCURRENCY, checkFirst: (itemIndex) => avatarSource(this, itemIndex) },
	);
}

function avatarSource(context: IExecuteFunctions, itemIndex: number) {
	const userId = String(context.getNodeParameter('userId', itemIndex, '') ?? '').trim();
	const path = String(context.getNodeParameter('path', itemIndex, '') ?? '').trim();
	if (userId === '' && path === '') {
		throw inputError(
			context.getNode(),
			`No user ID or image path given in ${itemName(itemIndex)}`,
			"Enter the user's GUID in User ID, or the image's path or file name in Image Path (or an expression that gives one of them for every item).",
			itemIndex,
		);
	}
	return { userId, path };
}
