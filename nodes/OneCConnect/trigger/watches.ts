/** What the trigger can watch: operations that take a "since" parameter. */
export interface Watch {
	value: string;
	name: string;
	operation: string;
	/** The parameter that takes the start of the window. */
	sinceParameter: string;
	/** The parameter that takes its end, for operations that need one. */
	untilParameter?: string;
	/**
	 * What the "since" parameter compares with: `change` (the object's last change, so a window
	 * from the previous poll misses nothing) or `start` (when a call started, so a call still
	 * running at one poll must be found by a later one: the window reaches back "Longest Call").
	 */
	selectsBy: 'change' | 'start';
	/** The vendor's longest window, when it has one. */
	maxWindowMs?: number;
	/** The vendor's limit of calls an hour by day, shared by everything using the API login. */
	hourlyLimit: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "Longest Call (Minutes)": two hours by default; at most the vendor's 7-day window. */
export const DEFAULT_LONGEST_CALL_MINUTES = 120;
export const MAX_LONGEST_CALL_MINUTES = 7 * 24 * 60 - 60;

export const WATCHES: Watch[] = [
	{
		value: 'client',
		name: 'Client Created, Changed or Deleted',
		operation: 'ClientRead',
		sinceParameter: 'ChangedFrom',
		selectsBy: 'change',
		hourlyLimit: 250,
	},
	{
		value: 'clientUser',
		name: 'Client User Created, Changed or Deleted',
		operation: 'ClientUserRead',
		sinceParameter: 'ChangedFrom',
		selectsBy: 'change',
		hourlyLimit: 250,
	},
	{
		value: 'serviceRequest',
		name: 'Service Request Created or Changed',
		operation: 'ServiceRequestRead',
		sinceParameter: 'PeriodFrom',
		selectsBy: 'change',
		hourlyLimit: 120,
	},
	{
		value: 'serviceCall',
		name: 'Service Call Finished',
		operation: 'GetHistoryOfServiceCalls',
		sinceParameter: 'PeriodFrom',
		untilParameter: 'PeriodTo',
		// The vendor's page: PeriodFrom "selects calls that started after this moment".
		selectsBy: 'start',
		maxWindowMs: 7 * 24 * HOUR,
		hourlyLimit: 10,
	},
];

export const WATCH_BY_VALUE = new Map(WATCHES.map((watch) => [watch.value, watch]));

/**
 * Polls closer together than this are skipped, so that the trigger alone never spends the
 * hourly limit. n8n polls at most once a minute (60 an hour), so only limits under 60 need it.
 */
export function minPollIntervalMs(watch: Watch): number {
	return watch.hourlyLimit < 60 ? HOUR / watch.hourlyLimit : 0;
}

/** Its entry in the "Trigger On" picker. */
export function watchOption(watch: Watch): { name: string; value: string; description: string } {
	const parameters = [watch.sinceParameter, watch.untilParameter].filter(Boolean).join(' and ');
	return {
		name: watch.name,
		value: watch.value,
		description: `${watch.operation} with ${parameters} (${watch.hourlyLimit} calls an hour)`,
	};
}

/** What each poll costs, for the notice above the picker. */
export function hourlyLimitsNotice(watches: Watch[]): string {
	const limits = watches.map((watch) => {
		const interval = minPollIntervalMs(watch);
		const skipped = interval ? ` (polls closer than ${interval / MINUTE} minutes are skipped)` : '';
		return `${watch.operation} ${watch.hourlyLimit}${skipped}`;
	});
	return `Each poll spends one call of the operation's hourly limit by day, shared by everything using the API login: ${limits.join(', ')}.`;
}
