import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['method'] } },
		options: [
			{
				name: 'Call',
				value: 'call',
				description: 'Call any REST method; many items go together through batch',
				action: 'Call a REST method',
			},
		],
		default: 'call',
	},
	...call.description,
];
