import type {
	INodeExecutionData,
	INodeType,
	INodeProperties,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { readPollLimits, timeoutOption } from '../shared/description/request-limits';
import { TriggerRecordMirror } from '../shared/state/trigger-record-mirror';

import { flattenCall, getTotalQueueInfo } from './transport/queue';
import type { QueueEvent, QueueNumberMatch } from './trigger/queue-events';
import { diffQueues, queueSummary, watchedQueues } from './trigger/queue-events';
import type { QueueWatch } from './trigger/queue-record';
import { replaceWatch } from './trigger/queue-record';

const mirror = new TriggerRecordMirror('oktell-queues');

const queueNumberMatch: INodeProperties = {
	displayName: 'Match Queue Numbers',
	name: 'queueNumberMatch',
	type: 'options',
	options: [
		{ name: 'Exact Number', value: 'exact', description: '14 watches queue 14 only' },
		{
			name: 'Number Starts With',
			value: 'prefix',
			description: '14 watches 14, 140, 1401 and every queue whose number starts with 14',
		},
	],
	default: 'exact',
};

export class OktellTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Oktell Trigger',
		name: 'oktellTrigger',
		icon: { light: 'file:oktell.svg', dark: 'file:oktell.dark.svg' },
		group: ['trigger'],
		// Version 2: Queue Numbers match whole numbers unless "Number Starts With" is chosen.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when Oktell queues change',
		defaults: { name: 'Oktell Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oktellApi', required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Call Entered Queue',
						value: 'callEntered',
						description: 'A caller appeared in a queue',
					},
					{
						name: 'Call Left Queue',
						value: 'callLeft',
						description: 'A caller left a queue (answered or gave up), with the seconds waited',
					},
					{
						name: 'Call Waiting Longer Than',
						value: 'callWaitingLong',
						description: 'A caller has waited longer than a number of seconds; once per call',
					},
					{
						name: 'Queue Size Above',
						value: 'queueSizeAbove',
						description: 'A queue grew above a number of callers; once each time it crosses up',
					},
				],
				default: 'callEntered',
			},
			{
				displayName: 'Seconds',
				name: 'waitSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				displayOptions: { show: { event: ['callWaitingLong'] } },
				description: 'Report a caller once they have waited longer than this',
			},
			{
				displayName: 'Callers',
				name: 'maxSize',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
				displayOptions: { show: { event: ['queueSizeAbove'] } },
				description: 'Report a queue when it holds more callers than this',
			},
			{
				displayName: 'Queue Numbers',
				name: 'queueNumbers',
				type: 'string',
				default: '',
				placeholder: '14, 2',
				description:
					'Watch only these queues, by number, separated by commas; empty watches all. "Match Queue Numbers" says whether 14 also means 140.',
			},
			// The first version matched by prefix: its saved workflows keep meaning what they meant.
			{ ...queueNumberMatch, default: 'prefix', displayOptions: { show: { '@version': [1] } } },
			{
				...queueNumberMatch,
				default: 'exact',
				displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [timeoutOption(30)],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as QueueEvent;
		const numbers = String(this.getNodeParameter('queueNumbers', '') ?? '')
			.split(',')
			.map((number) => number.trim())
			.filter((number) => number !== '');
		const match = this.getNodeParameter(
			'queueNumberMatch',
			this.getNode().typeVersion >= 2 ? 'exact' : 'prefix',
		) as QueueNumberMatch;
		const { timeoutMs } = readPollLimits(this);
		const queues = watchedQueues(
			await getTotalQueueInfo(this, undefined, { timeoutMs }),
			numbers,
			match,
		);

		if (this.getMode() === 'manual') {
			const sample =
				event === 'queueSizeAbove'
					? queues.map(queueSummary)
					: queues.flatMap((queue) => queue.queue.map((call) => flattenCall(queue, call)));
			return sample.length === 0 ? null : [sample.map((json) => ({ json }))];
		}

		const watch = this.getWorkflowStaticData('node') as QueueWatch;
		await mirror.adoptNewer(this, watch);
		const { events, next } = diffQueues(
			watch,
			queues,
			{
				event,
				numbers,
				match,
				waitSeconds: this.getNodeParameter('waitSeconds', 60) as number,
				maxSize: this.getNodeParameter('maxSize', 5) as number,
			},
			Date.now(),
		);
		if (next) {
			const { revision } = watch;
			replaceWatch(watch, revision === undefined ? next : { ...next, revision });
			await mirror.keep(this, watch);
		}
		return events.length === 0 ? null : [events.map((json) => ({ json }))];
	}
}
