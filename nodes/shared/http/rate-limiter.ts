import { createHash } from 'node:crypto';

import { sleep } from 'n8n-workflow';

import { SharedPause } from '../state/shared-pause';
import type { SharedStore, StoreSource } from '../state/shared-store';
import { processSharedStore, takePoint } from '../state/shared-store';

interface Slot {
	/** When the reply came back; undefined while the request is in flight. */
	doneAt?: number;
}

const POLL_MS = 25;
/** A slot whose process died before the reply frees itself after this long. */
const ABANDONED_SLOT_SECONDS = 300;

/**
 * At most `limit` requests per `windowMs` per key, as the vendor counts them on arrival. A request
 * counts from its start until `windowMs` after its reply: it reached the server somewhere in
 * between, so no window on the server's clock can hold more than `limit`.
 *
 * In n8n's queue mode the count is shared by every process through n8n's Redis: `limit` slots per
 * key, each taken atomically (rate-limiter-flexible's consume) and, after the reply, kept taken for
 * `windowMs`. Otherwise, and whenever Redis cannot be reached, it is kept in this process.
 */
export class SlidingWindowLimiter {
	private readonly slots = new Map<string, Slot[]>();
	private readonly pauses: SharedPause;
	private shared?: { store: SharedStore; slots: ReturnType<SharedStore['rateLimiter']> };

	constructor(
		private readonly limit: number,
		private readonly windowMs: number,
		private readonly storeSource: StoreSource = processSharedStore,
		private readonly name = 'window',
	) {
		this.pauses = new SharedPause(name, storeSource);
	}

	/** Waits for a free slot; call the returned function when the reply has arrived. */
	async acquire(key: string): Promise<() => void> {
		const shared = this.sharedSlots();
		// Without Redis, each process keeps its own count rather than failing the item.
		const done = shared ? await this.acquireShared(shared, key).catch(() => undefined) : undefined;
		return done ?? (await this.acquireInProcess(key));
	}

	/**
	 * The vendor refused a request as over its limit: nobody sends with this key for `ms`, in any
	 * process, so the retry and everyone else's next request land after the vendor's window.
	 */
	async slowDown(key: string, ms: number): Promise<void> {
		await this.pauses.pause(key, ms);
	}

	private sharedSlots() {
		if (this.shared) return this.shared;
		const store = this.storeSource();
		if (!store) return undefined;
		this.shared = {
			store,
			slots: store.rateLimiter({
				keyPrefix: `${this.name}:${this.limit}:${this.windowMs}`,
				points: 1,
				duration: ABANDONED_SLOT_SECONDS,
			}),
		};
		return this.shared;
	}

	private async acquireShared(
		shared: NonNullable<SlidingWindowLimiter['shared']>,
		key: string,
	): Promise<() => void> {
		const windowSeconds = Math.max(1, Math.ceil(this.windowMs / 1000));
		for (;;) {
			await this.pauses.waitOut(key);
			const first = Math.floor(Math.random() * this.limit);
			let soonest = Infinity;
			for (let i = 0; i < this.limit; i++) {
				const slotKey = `${key}:${(first + i) % this.limit}`;
				const busyForMs = await takePoint(shared.slots, slotKey);
				if (busyForMs > 0) {
					soonest = Math.min(soonest, busyForMs);
					continue;
				}
				return () => {
					// The slot stays taken for a window after the reply, in every process.
					shared.slots.set(slotKey, 1, windowSeconds).catch(() => undefined);
				};
			}
			// Slots still waiting for a reply have no end yet: look again shortly.
			const wait = soonest <= this.windowMs ? soonest + 1 : POLL_MS + Math.random() * POLL_MS;
			await sleep(Math.max(1, wait));
		}
	}

	private async acquireInProcess(key: string): Promise<() => void> {
		for (;;) {
			await this.pauses.waitOut(key);
			const now = Date.now();
			const live = (this.slots.get(key) ?? []).filter(
				(slot) => slot.doneAt === undefined || now - slot.doneAt < this.windowMs,
			);
			this.slots.set(key, live);
			if (live.length < this.limit) {
				const slot: Slot = {};
				live.push(slot);
				return () => (slot.doneAt = Date.now());
			}
			const done = live
				.filter((slot) => slot.doneAt !== undefined)
				.map((slot) => slot.doneAt as number);
			const wait = done.length > 0 ? Math.min(...done) + this.windowMs - now + 1 : POLL_MS;
			await sleep(Math.max(1, Math.min(wait, this.windowMs)));
		}
	}
}

/** A limiter key that identifies a secret without keeping it. */
export function limiterKey(...parts: unknown[]): string {
	return createHash('sha256').update(parts.map(String).join('\u0000')).digest('hex');
}
