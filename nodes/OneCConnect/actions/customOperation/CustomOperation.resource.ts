import type { INodeProperties } from 'n8n-workflow';

import * as execute from './execute.operation';

export { execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customOperation'] } },
		options: [
			{
				name: 'Execute',
				value: 'execute',
				description: 'Call any PartnerWebAPI2 operation with parameters as JSON',
				action: 'Execute a custom operation',
			},
		],
		default: 'execute',
	},
	...execute.description,
];
