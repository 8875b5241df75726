import type { INodeProperties } from 'n8n-workflow';

import * as getConfig from './getConfig.operation';
import * as publishEvent from './publishEvent.operation';
import * as sendPush from './sendPush.operation';

export { getConfig, publishEvent, sendPush };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['realtime'] } },
		options: [
			{
				name: 'Get Config',
				value: 'getConfig',
				description: "Get the Push & Pull server and the app's channels",
				action: 'Get the real time configuration',
			},
			{
				name: 'Publish Event',
				value: 'publishEvent',
				description: "Publish an event on the app's channels (OAuth2 app only)",
				action: 'Publish a real time event',
			},
			{
				name: 'Send Push',
				value: 'sendPush',
				description: 'Send a push notification to users of the mobile app (OAuth2 app only)',
				action: 'Send a push notification',
			},
		],
		default: 'getConfig',
	},
	...getConfig.description,
	...publishEvent.description,
	...sendPush.description,
];
