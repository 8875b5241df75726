export interface BucketLimit {
	perSecond: number;
	burst: number;
}

/** The portal's leaky bucket as Bitrix24 counts it: on arrival, refusing what overflows. */
export class ServerLeakyBucket {
	private level = 0;
	private at = 0;
	refused = 0;

	constructor(public limit: BucketLimit) {}

	tryAcquire(now = Date.now()): boolean {
		this.level = Math.max(0, this.level - ((now - this.at) / 1000) * this.limit.perSecond);
		this.at = now;
		if (this.level + 1 > this.limit.burst) {
			this.refused++;
			return false;
		}
		this.level += 1;
		return true;
	}

	reset(): void {
		this.level = 0;
		this.at = 0;
		this.refused = 0;
	}
}
