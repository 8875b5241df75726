import type { INodeProperties } from 'n8n-workflow';

import * as getVersion from './getVersion.operation';

export { getVersion };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['server'] } },
		options: [
			{
				name: 'Get Version',
				value: 'getVersion',
				description: "Get the Oktell server's version (getversion)",
				action: 'Get the server version',
			},
		],
		default: 'getVersion',
	},
	...getVersion.description,
];
