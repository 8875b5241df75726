import type { INodeProperties } from 'n8n-workflow';

import * as executeMethod from './executeMethod.operation';

export { executeMethod };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['plugin'] } },
		options: [
			{
				name: 'Execute Method',
				value: 'executeMethod',
				description: 'Run a method of a server plugin and get its JSON result (execpluginmethod)',
				action: 'Execute a plugin method',
			},
		],
		default: 'executeMethod',
	},
	...executeMethod.description,
];
