import type { INodeProperties } from 'n8n-workflow';

import * as check from './check.operation';

export { check };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['integrationToken'] } },
		options: [
			{
				name: 'Check',
				value: 'check',
				description: 'Find the domain and integration point of a token',
				action: 'Check an integration token',
			},
		],
		default: 'check',
	},
	...check.description,
];
