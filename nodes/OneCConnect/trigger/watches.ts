/** What the trigger can watch: operations that take a "since" parameter. */
export interface Watch {
	value: string;
	name: string;
	description: string;
	operation: string;
	/** The parameter that takes the start of the window. */
	sinceParameter: string;
	/** The parameter that takes its end, for operations that need one. */
	untilParameter?: string;
	/** The vendor's longest window, when it has one. */
	maxWindowMs?: number;
	/** Polls closer together than this are skipped, so the hourly limit is never spent. */
	minIntervalMs: number;
	/** For the notice: calls per hour by day. */
	hourlyLimit: number;
}

const MINUTE = 60_000;

export const WATCHES: Watch[] = [
	{
		value: 'client',
		name: 'Client Created, Changed or Deleted',
		description: 'ClientRead with ChangedFrom',
		operation: 'ClientRead',
		sinceParameter: 'ChangedFrom',
		minIntervalMs: 0,
		hourlyLimit: 250,
	},
	{
		value: 'clientUser',
		name: 'Client User Created, Changed or Deleted',
		description: 'ClientUserRead with ChangedFrom',
		operation: 'ClientUserRead',
		sinceParameter: 'ChangedFrom',
		minIntervalMs: 0,
		hourlyLimit: 250,
	},
	{
		value: 'serviceRequest',
		name: 'Service Request Created or Changed',
		description: 'ServiceRequestRead with PeriodFrom',
		operation: 'ServiceRequestRead',
		sinceParameter: 'PeriodFrom',
		minIntervalMs: 0,
		hourlyLimit: 120,
	},
	{
		value: 'serviceCall',
		name: 'Service Call Finished',
		description: 'GetHistoryOfServiceCalls with PeriodFrom and PeriodTo (10 calls an hour)',
		operation: 'GetHistoryOfServiceCalls',
		sinceParameter: 'PeriodFrom',
		untilParameter: 'PeriodTo',
		maxWindowMs: 7 * 24 * 60 * MINUTE,
		minIntervalMs: 6 * MINUTE,
		hourlyLimit: 10,
	},
];

export const WATCH_BY_VALUE = new Map(WATCHES.map((watch) => [watch.value, watch]));
