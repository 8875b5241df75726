import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { inputError } from '../shared/errors/node-errors';
import { oneCTimeoutOption, pollTimeoutMsOf } from './actions/parameters/request-timeout';
import { oneCConnectApiTest } from './methods/credential-test';
import { oneCCall } from './transport';
import type { WatchState } from './trigger/changes';
import { newRows, wallClock } from './trigger/changes';
import { SAFE_API_TIME_ZONE, apiTimeZoneOf } from './trigger/api-time-zone';
import { pollWindow } from './trigger/poll-window';
import type { Watch } from './trigger/watches';
import {
	DEFAULT_LONGEST_CALL_MINUTES,
	MAX_LONGEST_CALL_MINUTES,
	WATCHES,
	WATCH_BY_VALUE,
	hourlyLimitsNotice,
	minPollIntervalMs,
	watchOption,
} from './trigger/watches';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SAMPLE_SIZE = 5;

export class OneCConnectTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '1C-Connect Trigger',
		name: 'oneCConnectTrigger',
		icon: { light: 'file:oneCConnect.svg', dark: 'file:oneCConnect.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when clients, users, service requests or service calls change in 1C-Connect',
		defaults: { name: '1C-Connect Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneCConnectApi', required: true, testedBy: 'oneCConnectApiTest' }],
		properties: [
			{
				displayName: hourlyLimitsNotice(WATCHES),
				name: 'limitNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: WATCHES.map(watchOption).sort((a, b) => a.name.localeCompare(b.name)),
				default: 'client',
			},
			{
				displayName: 'Longest Call (Minutes)',
				name: 'longestCallMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_LONGEST_CALL_MINUTES },
				default: DEFAULT_LONGEST_CALL_MINUTES,
				displayOptions: { show: { event: ['serviceCall'] } },
				description:
					'1C-Connect selects calls by when they started, so each poll reaches back this far to find calls that have just finished. A call longer than this is not emitted; a larger value downloads more calls on every poll. Calls seen already are not emitted again.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'API Time Zone',
						name: 'timeZone',
						type: 'string',
						default: SAFE_API_TIME_ZONE,
						placeholder: 'Europe/Moscow',
						description:
							"The time zone set in the personal account's API settings (Administration → API settings), in which 1C-Connect reads ChangedFrom and PeriodFrom. UTC is the safe default: it is not ahead of any zone 1C-Connect serves, so it only re-reads a few hours (nothing is emitted twice). A zone ahead of the cabinet's would put the period in the future, and changes would never be returned.",
					},
					{
						displayName: 'Overlap (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 5,
						description:
							'How far each poll reaches back before the previous one, for clock differences and late writes. Objects seen already are not emitted again.',
					},
					oneCTimeoutOption,
				],
			},
		],
	};

	methods = { credentialTest: { oneCConnectApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const watch = WATCH_BY_VALUE.get(this.getNodeParameter('event') as string);
		if (!watch)
			throw inputError(
				this.getNode(),
				'Choose what to trigger on',
				'Pick an option in "Trigger On".',
			);
		const timeZone = apiTimeZoneOf(this);
		const state = this.getWorkflowStaticData('node') as WatchState;
		const now = Date.now();

		if (this.getMode() === 'manual') {
			const rows = await fetchRows(this, watch, { since: now - DAY, until: now }, timeZone);
			return rows === 'quota spent' ? null : toOutput(rows.slice(-SAMPLE_SIZE));
		}
		if (state.lastCallAt !== undefined && now - state.lastCallAt < minPollIntervalMs(watch)) {
			this.logger.debug(
				`1C-Connect Trigger: skipping a poll of ${watch.operation} to respect its hourly limit`,
			);
			return null;
		}
		const window = pollWindow(watch, state.watermark, now, {
			overlapMs: (this.getNodeParameter('options.overlapMinutes', 5) as number) * MINUTE,
			longestCallMs:
				watch.selectsBy === 'start'
					? (this.getNodeParameter('longestCallMinutes', DEFAULT_LONGEST_CALL_MINUTES) as number) *
						MINUTE
					: 0,
		});
		state.lastCallAt = now;
		const rows = await fetchRows(this, watch, window, timeZone);
		if (rows === 'quota spent') {
			this.logger.warn(
				`1C-Connect Trigger: the hourly limit of ${watch.operation} is spent; this poll is skipped and the next one catches up`,
			);
			return null;
		}
		const { fresh, seen } = newRows(rows, state.seen ?? {}, now, now - window.lookbackMs);
		state.watermark = now;
		state.seen = seen;
		return window.baseline ? null : toOutput(fresh);
	}
}

async function fetchRows(
	context: IPollFunctions,
	watch: Watch,
	window: { since: number; until: number },
	timeZone: string,
): Promise<IDataObject[] | 'quota spent'> {
	const params: IDataObject = { [watch.sinceParameter]: wallClock(window.since, timeZone) };
	if (watch.untilParameter) params[watch.untilParameter] = wallClock(window.until, timeZone);
	const types = Object.fromEntries(Object.keys(params).map((name) => [name, 'dateTime' as const]));
	const result = await oneCCall(context, {
		operation: watch.operation,
		params,
		types,
		effect: 'read',
		expectsTable: true,
		timeoutMs: pollTimeoutMsOf(context),
	});
	// The poll can wait for the next hour: the quota's error is not the user's to handle.
	return 'quotaSpent' in result ? 'quota spent' : (result.data as IDataObject[]);
}

function toOutput(rows: IDataObject[]): INodeExecutionData[][] | null {
	if (rows.length === 0) return null;
	return [rows.map((json) => ({ json }))];
}
