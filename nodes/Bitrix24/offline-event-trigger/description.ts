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
	...eventChoiceProperties,
	{
		displayName: 'Source Key (Auth Connector)',
		name: 'sourceKey',
		type: 'string',
		default: DEFAULT_SOURCE_KEY,
		description:
			"A name for this trigger's queue. Changes made by the Bitrix24 node with the OAuth2 app (which sends the name n8n) are not queued under the same name, so a workflow that updates the deal it was started by does not start itself again. Each name has its own queue: give two triggers of one app different names. Empty: every change is queued. Needs the Professional plan or above.",
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
			description:
				'Every poll starts at most one execution with one item per event, up to this many; the rest wait for the next poll',
		},
		timeoutOption(DEFAULT_TIMEOUT_SECONDS),
	]),
];
