import type { INodeProperties } from 'n8n-workflow';

import * as execute from './execute.operation';
import * as executePlain from './executePlain.operation';

export { execute, executePlain };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['serviceScript'] } },
		options: [
			{
				name: 'Execute',
				value: 'execute',
				description: 'Run a service script and get its return value (execsvcscript)',
				action: 'Execute a service script',
			},
			{
				name: 'Execute Plain',
				value: 'executePlain',
				description:
					'Run a service script and get its reply as it is: text, JSON or a file (execsvcscriptplain)',
				action: 'Execute a service script and get its plain reply',
			},
		],
		default: 'execute',
	},
	...execute.description,
	...executePlain.description,
];
