import type { INodeProperties } from 'n8n-workflow';

import { EVENT_OPTIONS, OTHER_EVENT } from './event-names';

export const DEFAULT_REPEAT_WINDOW_SECONDS = 10;

export const eventTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{
				name: 'OAuth2 App',
				value: 'oAuth2',
				description:
					'The trigger binds its URL to the events itself, and removes it when deactivated',
			},
			{
				name: 'Outbound Webhook',
				value: 'webhook',
				description: "A portal admin pastes this node's URL into an outbound webhook",
			},
		],
		default: 'oAuth2',
	},
	{
		displayName:
			"In Bitrix24 open Developer resources → Other → Outbound webhook, paste this node's Production URL (above) as the handler address, tick the same events, save, and copy the webhook's Application Token into the field below. Fetch Full Record reads records through an incoming webhook credential.",
		name: 'webhookNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['webhook'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: [],
		required: true,
		description: 'The Bitrix24 events that start the workflow',
	},
	{
		displayName: 'Other Events',
		name: 'otherEvents',
		type: 'string',
		default: '',
		placeholder: 'ONCRMINVOICEADD, ONUSERADD',
		description: 'Bitrix24 event names, separated by commas',
		displayOptions: { show: { events: [OTHER_EVENT] } },
	},
	{
		displayName: 'Application Token',
		name: 'applicationToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description:
			'Shown in the outbound webhook\'s form in Bitrix24 as "Application token" after you save it. Calls without it are refused.',
		displayOptions: { show: { authentication: ['webhook'] } },
	},
	{
		displayName: 'Application Token',
		name: 'appApplicationToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Optional. Bitrix24 gives it to your app once, with ONAPPINSTALL (auth[application_token]). Empty: n8n remembers the token of the first event that reaches its secret handler URL and refuses any other.',
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		displayName: 'Fetch Full Record',
		name: 'fetchFullRecord',
		type: 'boolean',
		default: false,
		description:
			'Whether to read the changed record and emit it, not just its ID. A delete emits the ID.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Ignore Repeats Within (Seconds)',
				name: 'repeatWindow',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_REPEAT_WINDOW_SECONDS,
				description:
					'A second call for the same event and the same record (same portal) within this time starts no execution. Bitrix24 delivers at least once and often sends an update twice. 0 turns it off.',
			},
		],
	},
];
