export interface RateLimiterOptions {
	limit: number;
	windowMs?: number;
}

/** Allows `limit` requests per key within any window of `windowMs` (default one second). */
export class SlidingWindowRateLimiter {
	private readonly limit: number;
	private readonly windowMs: number;
	private readonly acceptedAt = new Map<string, number[]>();

	constructor({ limit, windowMs = 1000 }: RateLimiterOptions) {
		this.limit = limit;
		this.windowMs = windowMs;
	}

	/** Counts the request and returns true when it fits; a refused request is not counted. */
	tryAcquire(key: string, now = Date.now()): boolean {
		const recent = (this.acceptedAt.get(key) ?? []).filter((at) => now - at < this.windowMs);
		const allowed = recent.length < this.limit;
		if (allowed) recent.push(now);
		this.acceptedAt.set(key, recent);
		return allowed;
	}

	reset(): void {
		this.acceptedAt.clear();
	}
}
