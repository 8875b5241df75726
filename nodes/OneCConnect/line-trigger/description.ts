import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/description/request-limits';
import { lineLocator } from '../actions/parameters/push-conversation';
import { EVENT_OPTIONS } from './hook-events';

export const lineTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'1C-Connect keeps one hook per line and type: activating this workflow replaces a bot or line hook another system set on the same line, and deactivating removes it only while it still points here',
		name: 'oneHookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Subscribe As',
		name: 'subscription',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Bot of the Line',
				value: 'bot',
				description: "The line's chat bot: the line must allow a bot (digital menu)",
			},
			{
				name: 'Line Events',
				value: 'line',
				description: 'All events of the line, also while specialists answer',
			},
		],
		default: 'bot',
	},
	{ ...lineLocator, description: 'The service line to listen to' },
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENT_OPTIONS,
		default: ['message', 'treatmentStarted', 'specialistAssigned', 'treatmentClosed'],
		description: 'Which events start the workflow; other events are ignored',
	},
	optionsCollection([
		{
			displayName: 'Include Messages of Specialists and Bots',
			name: 'includeSpecialistMessages',
			type: 'boolean',
			default: false,
			description:
				"Whether messages written by someone other than the client start the workflow too. Off, a bot's own answers never trigger it again.",
		},
		{
			displayName: 'Download Files',
			name: 'downloadFiles',
			type: 'boolean',
			default: false,
			description:
				'Whether files a client sends are read into the item as binary data (data, data_1, …). Off, the item carries only the message; 1C-Connect gets its answer before any file is read.',
		},
		{
			displayName: 'Max File Size (MB)',
			name: 'maxFileSizeMb',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 200 },
			default: 25,
			description:
				'With Download Files: a larger file is not read, and the item names it in fileErrors',
		},
	]),
];
