import { DEFAULT_HOURLY_LIMIT, DOCUMENTED_HOURLY_LIMITS } from './operations';

const HOUR_MS = 60 * 60 * 1000;

/** Calls per operation per login within the last hour, as 1C-Connect counts them. */
export class HourlyLimits {
	private limits: Record<string, number>;
	private readonly calls = new Map<string, number[]>();

	constructor(
		private readonly initial: Record<string, number> = {},
		private readonly defaultLimit = DEFAULT_HOURLY_LIMIT,
	) {
		this.limits = { ...DOCUMENTED_HOURLY_LIMITS, ...initial };
	}

	limitOf(operation: string): number {
		return this.limits[operation] ?? this.defaultLimit;
	}

	set(limits: Record<string, number>): void {
		for (const [operation, limit] of Object.entries(limits)) {
			if (!Number.isInteger(limit) || limit < 0) {
				throw new Error(
					`The limit of ${operation} must be a whole number of calls, got ${String(limit)}`,
				);
			}
		}
		Object.assign(this.limits, limits);
	}

	/** Counts the call and answers whether it fits; a refused call is not counted. */
	tryCall(login: string, operation: string, now: number): boolean {
		const key = `${login}\u0000${operation}`;
		const recent = (this.calls.get(key) ?? []).filter((at) => now - at < HOUR_MS);
		const allowed = recent.length < this.limitOf(operation);
		if (allowed) recent.push(now);
		this.calls.set(key, recent);
		return allowed;
	}

	usage(now: number): Record<string, { calls: number; limit: number }> {
		const usage: Record<string, { calls: number; limit: number }> = {};
		for (const [key, times] of this.calls) {
			const operation = key.split('\u0000')[1];
			const calls = times.filter((at) => now - at < HOUR_MS).length;
			usage[operation] = {
				calls: (usage[operation]?.calls ?? 0) + calls,
				limit: this.limitOf(operation),
			};
		}
		return usage;
	}

	reset(): void {
		this.calls.clear();
		this.limits = { ...DOCUMENTED_HOURLY_LIMITS, ...this.initial };
	}
}
