/**
 * ERA's brute-force guard: `failures` failed logins from one IP within `windowMs` ban that IP;
 * while banned, every request from it is answered without being processed.
 */
export class BanGuard {
	private readonly failedAt = new Map<string, number[]>();
	private readonly bannedUntil = new Map<string, number>();

	constructor(
		private readonly failures: number,
		private readonly windowMs: number,
	) {}

	/** Seconds left on the ban of this IP, or 0 when it is not banned. */
	secondsLeft(ip: string, now = Date.now()): number {
		const until = this.bannedUntil.get(ip) ?? 0;
		return until > now ? Math.ceil((until - now) / 1000) : 0;
	}

	recordFailure(ip: string, now = Date.now()): void {
		const recent = (this.failedAt.get(ip) ?? []).filter((at) => now - at < this.windowMs);
		recent.push(now);
		this.failedAt.set(ip, recent);
		if (recent.length >= this.failures) this.bannedUntil.set(ip, now + this.windowMs);
	}

	failureCount(ip: string, now = Date.now()): number {
		return (this.failedAt.get(ip) ?? []).filter((at) => now - at < this.windowMs).length;
	}

	reset(): void {
		this.failedAt.clear();
		this.bannedUntil.clear();
	}
}
