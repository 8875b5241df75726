import type {
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { timeoutOption } from '../shared/description/request-limits';
import { planOption } from './actions/parameters/portal-options';
import type { BitrixTarget } from './transport';
import type { Plan } from './transport/leaky-bucket';
import type { PullCursor } from './transport/pull-server';
import { LONG_POLL_TIMEOUT_SECONDS } from './transport/pull-server';
import type { Connection } from './app-channel-trigger/pull-client';
import { PullClient } from './app-channel-trigger/pull-client';
import type { PullEvent } from './app-channel-trigger/pull-messages';

export class Bitrix24Trigger implements INodeType {
	description: INodeTypeDescription = {
		// Shown as "On new Bitrix24 App Channel event": it carries the app's own messages, not CRM changes.
		displayName: 'Bitrix24 App Channel Trigger',
		name: 'bitrix24Trigger',
		icon: { light: 'file:bitrix24.svg', dark: 'file:bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["moduleId"] || "all modules"}}',
		description:
			'Starts the workflow when your Bitrix24 app publishes a message on its own Push & Pull channel (not deal, lead or task changes: use the Bitrix24 Event Trigger)',
		defaults: { name: 'Bitrix24 App Channel Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bitrix24OAuth2Api', required: true }],
		properties: [
			{
				displayName:
					"This trigger listens on your Bitrix24 app's own Push & Pull channels: it receives the events your app publishes (with the Bitrix24 node's Publish Event, or from your Bitrix24 app), the moment they are sent. It does not see CRM changes: for deals, leads, tasks and other portal events use the Bitrix24 Event Trigger.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Module ID',
				name: 'moduleId',
				type: 'string',
				default: '',
				placeholder: 'application',
				description: 'Only events published with this module ID; empty for every module',
			},
			{
				displayName: 'Commands',
				name: 'commands',
				type: 'string',
				default: '',
				placeholder: 'dealChanged, order:paid',
				description: 'Only these commands, separated by commas; empty for every command',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Connection',
						name: 'connection',
						type: 'options',
						options: [
							{
								name: 'Automatic',
								value: 'auto',
								description:
									'WebSocket when this n8n runs on a Node.js with WebSocket built in, otherwise long polling',
							},
							{
								name: 'Long Polling',
								value: 'longPolling',
								description:
									"Always long polling, through n8n's HTTP client and its proxy settings",
							},
						],
						default: 'auto',
					},
					planOption,
					{
						...timeoutOption(LONG_POLL_TIMEOUT_SECONDS),
						description:
							'How long one long poll may take, from connecting to the last byte of the reply, before n8n drops it and connects again. Bitrix24 holds a poll open up to 60 s, so keep it above that.',
					},
				],
			},
		],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const plan = this.getNodeParameter('options.plan', 'standard') as Plan;
		const target: BitrixTarget = {
			mode: 'oAuth2',
			plan: plan === 'enterprise' ? plan : 'standard',
		};
		const filter = {
			moduleId: String(this.getNodeParameter('moduleId', '')).trim(),
			commands: String(this.getNodeParameter('commands', ''))
				.split(',')
				.map((command) => command.trim())
				.filter(Boolean),
		};
		const connection = this.getNodeParameter('options.connection', 'auto') as Connection;
		const timeoutSeconds = Number(
			this.getNodeParameter('options.timeout', LONG_POLL_TIMEOUT_SECONDS),
		);
		let firstEvent: (() => void) | undefined;
		// n8n saves a trigger's static data with each emit (and on deactivation), in its database:
		// after a restart, or on another main in queue mode, the channel resumes after this mid.
		const manual = this.getMode() === 'manual';
		const stored = manual ? {} : this.getWorkflowStaticData('node');
		const client = new PullClient(
			this,
			target,
			filter,
			(events: PullEvent[]) => {
				this.emit([events.map((event) => ({ json: event }))]);
				firstEvent?.();
			},
			connection === 'longPolling' ? connection : 'auto',
			timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined,
			savedCursor(stored.pullCursor),
			(cursor) => {
				stored.pullCursor = { ...cursor };
			},
		);

		if (manual) {
			return {
				closeFunction: async () => await client.close(),
				manualTriggerFunction: async () => {
					const arrived = new Promise<void>((resolve) => (firstEvent = resolve));
					client.start();
					await arrived;
				},
			};
		}
		client.start();
		return { closeFunction: async () => await client.close() };
	}
}

function savedCursor(value: unknown): PullCursor {
	if (!value || typeof value !== 'object') return {};
	const { mid, tag, time } = value as Record<string, unknown>;
	const text = (part: unknown) => (typeof part === 'string' && part !== '' ? part : undefined);
	return { mid: text(mid), tag: text(tag), time: text(time) };
}
