import type { INodeProperties } from 'n8n-workflow';

import * as getReadyUsers from './getReadyUsers.operation';

export { getReadyUsers };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['number'] } },
		options: [
			{
				name: 'Get Ready Users',
				value: 'getReadyUsers',
				description:
					'Count the free and busy users of an internal number and list the free ones (tst_getintnumberreadyusers)',
				action: 'Get the ready users of a number',
			},
		],
		default: 'getReadyUsers',
	},
	...getReadyUsers.description,
];
