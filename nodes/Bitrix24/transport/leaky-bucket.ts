import { sleep } from 'n8n-workflow';

import { SharedPause } from '../../shared/state/shared-pause';
import type { SharedStore, StoreSource } from '../../shared/state/shared-store';
import { processSharedStore, takePoint, usableStore } from '../../shared/state/shared-store';

type SharedWindow = ReturnType<SharedStore['rateLimiter']>;

interface Level {
	level: number;
	at: number;
}

/**
 * Bitrix24's own limit, kept client-side: a bucket per portal that drains `perSecond` and holds
 * `burst`. One place is left free for requests that arrive later than they left.
 *
 * In n8n's queue mode every process shares one count through n8n's Redis, as windows of
 * rate-limiter-flexible: at most `points` requests per `seconds`, where two windows back to back
 * (2 × points) still fit the bucket with its free place, and a window's points drain within it.
 */
export class LeakyBucket {
	private readonly levels = new Map<string, Level>();
	private readonly pauses: SharedPause;
	private readonly sharedWindows = new WeakMap<SharedStore, SharedWindow>();
	/** The shared window: what a single-process bucket allows at once, halved. */
	readonly points: number;
	readonly seconds: number;

	constructor(
		readonly perSecond: number,
		readonly burst: number,
		private readonly storeSource: StoreSource = processSharedStore,
	) {
		this.points = Math.floor((burst - 1) / 2);
		this.seconds = Math.ceil(this.points / perSecond);
		this.pauses = new SharedPause(`bitrix24-bucket:${burst}`, storeSource);
	}

	async acquire(key: string): Promise<void> {
		await this.pauses.waitOut(key);
		const store = usableStore(this.storeSource);
		// Without Redis, each process keeps its own bucket rather than failing the item.
		const taken = store
			? await this.acquireShared(store, key).then(
					() => true,
					() => false,
				)
			: false;
		if (!taken) await this.acquireInProcess(key);
	}

	/**
	 * Bitrix24 refused a request as over its limit (503 QUERY_LIMIT_EXCEEDED), so the bucket is
	 * fuller than counted here: nobody sends to this portal for `ms`, in any process.
	 */
	async slowDown(key: string, ms: number): Promise<void> {
		const now = Date.now();
		this.levels.set(key, { level: Math.max(this.levelAt(key, now), this.burst - 1), at: now });
		await this.pauses.pause(key, ms);
	}

	private sharedWindowIn(store: SharedStore): SharedWindow {
		let window = this.sharedWindows.get(store);
		if (!window) {
			window = store.rateLimiter({
				keyPrefix: `bitrix24-bucket:${this.perSecond}:${this.burst}`,
				points: this.points,
				duration: this.seconds,
			});
			this.sharedWindows.set(store, window);
		}
		return window;
	}

	private async acquireShared(store: SharedStore, key: string) {
		const window = this.sharedWindowIn(store);
		for (;;) {
			const wait = await takePoint(window, key);
			if (wait === 0) return;
			// Spread the waiters so a new window does not start with all of them at once.
			await sleep(wait + Math.random() * 50);
			// Redis went away during the wait: this process counts alone from here.
			if (!store.reachable()) throw new Error('Redis cannot be reached');
			await this.pauses.waitOut(key);
		}
	}

	private async acquireInProcess(key: string): Promise<void> {
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
