import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['queue'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get every queue with its waiting callers (gettotalqueueinfo)',
				action: 'Get many queues',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
