import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { readPushLines } from '../../methods/push-lines';
import { pushReadOptions } from '../parameters/push-conversation';
import { runPushList } from '../parameters/push-list';

export const option = {
	name: 'Get Many',
	value: 'getMany',
	description:
		'List the service lines the API login may use, with the hooks set on them (push API GetLines)',
	action: 'Get many lines',
};

export const properties: INodeProperties[] = [...returnAllAndLimit(), pushReadOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPushList(
		this,
		async (itemIndex, timeoutMs) => await readPushLines(this, itemIndex, timeoutMs),
	);
}
