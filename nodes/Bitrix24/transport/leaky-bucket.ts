import { sleep } from 'n8n-workflow';

interface Level {
	level: number;
	at: number;
}

/**
 * Bitrix24's own limit, kept client-side: a bucket per portal that drains `perSecond` and holds
 * `burst`. One place is left free for requests that arrive later than they left.
 */
export class LeakyBucket {
	private readonly levels = new Map<string, Level>();

	constructor(
		readonly perSecond: number,
		readonly burst: number,
	) {}

	async acquire(key: string): Promise<void> {
		for (;;) {
			const now = Date.now();
			const level = this.levelAt(key, now);
			if (level + 1 <= this.burst - 1) {
				this.levels.set(key, { level: level + 1, at: now });
				return;
			}
			await sleep(Math.ceil(((level + 2 - this.burst) / this.perSecond) * 1000));
		}
	}

	private levelAt(key: string, now: number): number {
		const last = this.levels.get(key);
		if (!last) return 0;
		return Math.max(0, last.level - ((now - last.at) / 1000) * this.perSecond);
	}
}

export type Plan = 'standard' | 'enterprise';

/** Standard plans drain 2 requests a second with a burst of 50; Enterprise 5 and 250. */
export const buckets: Record<Plan, LeakyBucket> = {
	standard: new LeakyBucket(2, 50),
	enterprise: new LeakyBucket(5, 250),
};
