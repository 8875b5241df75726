import type { INodeProperties } from 'n8n-workflow';

import { timeoutOption } from '../../shared/description/request-limits';
import { eventChoiceProperties } from './chosen-events';

export const DEFAULT_REPEAT_WINDOW_SECONDS = 10;
/** Fetch Full Record's deadline per attempt: the item waits at most about three of these. */
export const DEFAULT_READ_TIMEOUT_SECONDS = 20;

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
			'Bitrix24 sends each event once and never again: while n8n is down or unreachable, events are missed. Every event that arrives starts an execution, even when Fetch Full Record fails (the item then has an error field).',
		name: 'deliveryNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			"In Bitrix24 open Developer resources → Other → Outbound webhook, paste this node's Production URL (above) as the handler address, tick the same events, save, and copy the webhook's Application Token into the Bitrix24 Webhook API credential (Outbound Webhook Application Token). Fetch Full Record reads records through that credential's incoming webhook.",
		name: 'webhookNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['webhook'] } },
	},
	...eventChoiceProperties,
	{
		displayName:
			'The Application Token now belongs in the credential, where it stays out of the workflow and its exports. Move it there and clear this field; until then it is still used when the credential has none.',
		name: 'tokenMoveNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { applicationToken: [''] }, show: { authentication: ['webhook'] } },
	},
	{
		displayName: 'Application Token (Old Place)',
		name: 'applicationToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Used only when the credential holds no Application Token. Calls that do not carry the token are refused.',
		displayOptions: { show: { authentication: ['webhook'] } },
	},
	{
		displayName:
			'The Application Token now belongs in the Bitrix24 OAuth2 API credential, where it stays out of the workflow and its exports. Move it there and clear this field; until then it is still used when the credential has none.',
		name: 'appTokenMoveNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { appApplicationToken: [''] }, show: { authentication: ['oAuth2'] } },
	},
	{
		displayName: 'Application Token (Old Place)',
		name: 'appApplicationToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Used only when the credential holds no Application Token. Without a token anywhere every call is refused: n8n never takes it from the first call that arrives, only from an install call it has checked with the portal (reinstall the app in Bitrix24 while this workflow is active).',
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		displayName: 'Fetch Full Record',
		name: 'fetchFullRecord',
		type: 'boolean',
		default: false,
		description:
			"Whether to read the changed record and emit it, not just its ID. A delete emits the ID. n8n answers Bitrix24 first; a read that fails or times out still starts the execution, with the error in the item's error field.",
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
					'A second call of the same delivery (same event, record, handler and time stamp) within this time starts no execution, in this workflow only. A later change of the same record is never dropped, though two changes within one second carry the same time stamp. Bitrix24 itself never sends an event twice. 0 turns it off.',
			},
			{
				...timeoutOption(DEFAULT_READ_TIMEOUT_SECONDS),
				description:
					"Fetch Full Record: how long one read may take before n8n gives up on it. A read is tried up to three times; after that the item carries the error and the event's own data.",
			},
		],
	},
];
