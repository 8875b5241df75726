import type { INodeProperties } from 'n8n-workflow';

import * as getAvatar from './getAvatar.operation';
import * as getState from './getState.operation';
import * as setState from './setState.operation';

export { getAvatar, getState, setState };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get Avatar',
				value: 'getAvatar',
				description: "Download a user's picture (getavatar)",
				action: 'Get the avatar of a user',
			},
			{
				name: 'Get State',
				value: 'getState',
				description: "Get a user's current state (tst_getuserstate)",
				action: 'Get the state of a user',
			},
			{
				name: 'Set State',
				value: 'setState',
				description: "Change a user's state and modes (wp_setuserstate)",
				action: 'Set the state of a user',
			},
		],
		default: 'getState',
	},
	...getAvatar.description,
	...getState.description,
	...setState.description,
];
