import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { expectShape } from '../../../shared/http/reply-shape';
import { pushRequest } from '../../transport/push/push-request';
import { lineLocator, pushReadOptions, uuidParameter } from '../parameters/push-conversation';
import { runPushList } from '../parameters/push-list';

export const option = {
	name: 'Get Many',
	value: 'getMany',
	description: 'List the open treatments, of one line or one client if you like (push API)',
	action: 'Get many open treatments',
};

export const properties: INodeProperties[] = [
	{
		...lineLocator,
		required: false,
		description: 'Only the treatments of this line; empty lists every line',
	},
	{
		displayName: 'Client User ID',
		name: 'userId',
		type: 'string',
		default: '',
		description: 'Only the treatments of this client; empty lists every client',
	},
	...returnAllAndLimit(),
	pushReadOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPushList(this, async (itemIndex, timeoutMs) => {
		const line = uuidParameter(this, 'lineId', 'Line', itemIndex, true);
		const user = uuidParameter(this, 'userId', 'Client User ID', itemIndex, true);
		const reply = await pushRequest(this, {
			method: 'GET',
			path: '/v1/line/treatment/',
			qs: { ...(line ? { line_id: line } : {}), ...(user ? { user_id: user } : {}) },
			effect: 'read',
			what: 'the open treatments',
			itemIndex,
			timeoutMs,
		});
		return expectShape<IDataObject[]>(() => this.getNode(), reply ?? [], 'list of objects', {
			vendor: '1C-Connect',
			what: 'the open treatments',
			text: () => JSON.stringify(reply),
			itemIndex,
		});
	});
}
