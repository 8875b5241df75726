import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection, timeoutOption } from '../../shared/description/request-limits';
import { eventChoiceProperties } from '../event-trigger/chosen-events';

/** The pack's own source key: writes that carry it are kept out of this trigger's queue. */
export const DEFAULT_SOURCE_KEY = 'n8n';
export const DEFAULT_MAX_EVENTS = 500;
export const DEFAULT_TIMEOUT_SECONDS = 60;

export const offlineTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'No public URL needed: n8n asks Bitrix24 for queued events on each poll, and nothing is lost while n8n is down. Needs the OAuth2 app credential of a portal administrator (Bitrix24 refuses offline events to other users). Deactivating keeps the events queued for the next activation; to stop the queue, remove the event handlers of this app in Bitrix24 (Developer resources → Integrations).',
		name: 'offlineNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			'Events arrive at the next poll (set Poll Times, e.g. every minute). n8n cannot call a polling trigger from outside, so Bitrix24\'s "new events queued" call cannot make it poll at once; where n8n has a public URL and a change must start a workflow within seconds, use the Bitrix24 Event Trigger instead (Bitrix24 sends those events once and never again).',
		name: 'pollNotice',
		type: 'notice',
		default: '',
	},
	...eventChoiceProperties,
	{
		displayName: 'Source Key (Auth Connector)',
		name: 'sourceKey',
		type: 'string',
		default: DEFAULT_SOURCE_KEY,
		description:
			"A name for this trigger's queue. Changes made by the Bitrix24 node with the OAuth2 app (which sends the name n8n) are not queued under the same name, so a workflow that updates the deal it was started by does not start itself again. Each trigger takes only its own events from the queue; two triggers with the same name and the same event share that event's changes (each change goes to one of them), so give them different names when both need every change. Changing the name removes the old name's bindings on the next poll. Empty: every change is queued. Needs the Professional plan or above.",
	},
	{
		displayName: 'Fetch Full Record',
		name: 'fetchFullRecord',
		type: 'boolean',
		default: false,
		description:
			'Whether to read each changed record and emit it, not just its ID. A read that fails gives the item an error field; the event is not lost.',
	},
	optionsCollection([
		{
			displayName: 'Max Events per Execution',
			name: 'maxEvents',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 5000, numberPrecision: 0 },
			default: DEFAULT_MAX_EVENTS,
			description: 'Every poll takes at most this many events; the rest wait for the next poll',
		},
		{
			displayName: 'One Execution per Event',
			name: 'executionPerEvent',
			type: 'boolean',
			default: false,
			description:
				'Whether each event starts its own execution. Off: all events of a poll start one execution with one item each, so a mass import of 10,000 deals costs a few dozen executions, not 10,000.',
		},
		timeoutOption(DEFAULT_TIMEOUT_SECONDS),
	]),
];
