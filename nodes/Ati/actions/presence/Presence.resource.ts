import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['presence'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get whether one contact is online',
				action: 'Get the presence state of a contact',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get whether many contacts are online, 100 per request across all items',
				action: 'Get presence states of many contacts',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];
