import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { MirroredRecord } from '../shared/state/trigger-record-mirror';
import { TriggerRecordMirror } from '../shared/state/trigger-record-mirror';
import { atiTimeoutOption, readPollTimeoutMs } from './actions/parameters/request-options';
import { parseContactIds } from './helpers/contact-ids';
import { fetchPresenceStates } from './transport/presence';
import type { PresenceChange, PresenceEvent, RecordedStates } from './trigger/presence-changes';
import { baseline, currentStates, diffPresence, sameStates } from './trigger/presence-changes';

interface PresenceWatch extends MirroredRecord {
	states?: RecordedStates;
}

const mirror = new TriggerRecordMirror('ati-presence');

export class AtiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ATI.SU Trigger',
		name: 'atiTrigger',
		icon: { light: 'file:ati.svg', dark: 'file:ati.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when ATI.SU contacts go online or offline',
		defaults: { name: 'ATI.SU Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'atiApi', required: true }],
		properties: [
			{
				displayName: 'Contact IDs',
				name: 'contactIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: '123456.0, 234567.1',
				description: 'The contacts to watch, separated by commas, or an expression giving an array',
			},
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Any Change', value: 'anyChange', description: 'Any change of state' },
					{ name: 'Went Offline', value: 'wentOffline', description: 'A contact became offline' },
					{
						name: 'Went Online',
						value: 'wentOnline',
						description: 'An offline contact became anything else',
					},
				],
				default: 'anyChange',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Emit Current States on First Poll',
						name: 'emitCurrentStates',
						type: 'boolean',
						default: false,
						description:
							"Whether the first poll after activation emits every contact's current state instead of only recording it",
					},
					atiTimeoutOption,
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const watched = [
			...new Set(parseContactIds(this.getNode(), this.getNodeParameter('contactIds'), 0)),
		];
		const event = this.getNodeParameter('event') as PresenceEvent;
		const emitCurrentStates = this.getNodeParameter('options.emitCurrentStates', false) as boolean;
		const timeoutMs = readPollTimeoutMs(this);
		const watch = this.getWorkflowStaticData('node') as PresenceWatch;
		const now = new Date().toISOString();

		const fetched = await fetchPresenceStates(this, watched, { timeoutMs });
		const current = new Map(
			[...fetched]
				.filter(([, entry]) => typeof entry.state === 'string')
				.map(([codeId, entry]) => [codeId, entry.state]),
		);

		if (this.getMode() === 'manual') {
			return toOutput(currentStates(watched, watch.states, current, now));
		}
		await mirror.adoptNewer(this, watch);
		if (watch.states === undefined) {
			watch.states = baseline(watched, current);
			await mirror.keep(this, watch);
			return emitCurrentStates ? toOutput(currentStates(watched, undefined, current, now)) : null;
		}
		const { changes, next } = diffPresence(watched, watch.states, current, event, now);
		// n8n saves static data that was assigned to: an unchanged record is left alone.
		if (!sameStates(watch.states, next)) {
			watch.states = next;
			await mirror.keep(this, watch);
		}
		return toOutput(changes);
	}
}

function toOutput(changes: PresenceChange[]): INodeExecutionData[][] | null {
	if (changes.length === 0) return null;
	return [changes.map((change) => ({ json: { ...change } }))];
}
