import { createHash } from 'node:crypto';

import { sleep } from 'n8n-workflow';

import { SharedPause } from '../state/shared-pause';
import type { SharedStore, StoreSource } from '../state/shared-store';
import { processSharedStore, takePoint, usableStore } from '../state/shared-store';

interface Slot {
	/** When the reply came back; undefined while the request is in flight. */
	doneAt?: number;
}

type SharedSlots = ReturnType<SharedStore['rateLimiter']>;

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
	private readonly sharedSlots = new WeakMap<SharedStore, SharedSlots>();
	/**
	 * This process's waiters for a key, in line: only the first asks Redis for a slot, so many
	 * waiters cost Redis what one does, and they are served in the order they came.
	 */
	private readonly lines = new Map<string, Promise<void>>();
	private readonly freeFrom = new Map<string, number[]>();

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
		const store = usableStore(this.storeSource);
		// Without Redis, each process keeps its own count rather than failing the item.
		const done = store
			? await this.inLine(key, async () => await this.acquireShared(store, key)).catch(
					() => undefined,
				)
			: undefined;
		return done ?? (await this.acquireInProcess(key));
	}

	/**
	 * The vendor refused a request as over its limit: nobody sends with this key for `ms`, in any
	 * process, so the retry and everyone else's next request land after the vendor's window.
	 */
	async slowDown(key: string, ms: number): Promise<void> {
		await this.pauses.pause(key, ms);
	}

	private slotsIn(store: SharedStore): SharedSlots {
		let slots = this.sharedSlots.get(store);
		if (!slots) {
			slots = store.rateLimiter({
				keyPrefix: `${this.name}:${this.limit}:${this.windowMs}`,
				points: 1,
				duration: ABANDONED_SLOT_SECONDS,
			});
			this.sharedSlots.set(store, slots);
		}
		return slots;
	}

	private async inLine<T>(key: string, work: () => Promise<T>): Promise<T> {
		const ahead = this.lines.get(key);
		let leave = () => {};
		const mine = new Promise<void>((resolve) => (leave = resolve));
		this.lines.set(key, mine);
		try {
			await ahead;
			return await work();
		} finally {
			leave();
			if (this.lines.get(key) === mine) this.lines.delete(key);
		}
	}

	private async acquireShared(store: SharedStore, key: string): Promise<() => void> {
		const slots = this.slotsIn(store);
		const windowSeconds = Math.max(1, Math.ceil(this.windowMs / 1000));
		const freeFrom = this.freeFromOf(key);
		for (;;) {
			await this.pauses.waitOut(key);
			// Redis went away while this waiter was in line: it counts in this process instead.
			if (!store.reachable()) throw new Error('Redis cannot be reached');
			const first = Math.floor(Math.random() * this.limit);
			for (let i = 0; i < this.limit; i++) {
				const slot = (first + i) % this.limit;
				if (freeFrom[slot] > Date.now()) continue;
				const slotKey = `${key}:${slot}`;
				const busyForMs = await takePoint(slots, slotKey);
				if (busyForMs > 0) {
					// A slot still waiting for its reply stays taken for a window after it.
					freeFrom[slot] = Date.now() + Math.min(busyForMs, this.windowMs);
					continue;
				}
				freeFrom[slot] = Infinity;
				return () => {
					// The slot stays taken for a window after the reply, in every process.
					freeFrom[slot] = Date.now() + windowSeconds * 1000;
					slots.set(slotKey, 1, windowSeconds).catch(() => undefined);
				};
			}
			const soonest = Math.min(...freeFrom) - Date.now();
			await sleep(Math.max(1, Math.min(soonest, this.windowMs)));
		}
	}

	/**
	 * When each shared slot of a key can be free at the earliest, as this process last saw it: the
	 * waiter asks Redis only for slots that may be free, instead of trying every slot each time.
	 */
	private freeFromOf(key: string): number[] {
		let freeFrom = this.freeFrom.get(key);
		if (!freeFrom) this.freeFrom.set(key, (freeFrom = new Array<number>(this.limit).fill(0)));
		return freeFrom;
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
			const wait = done.length > 0 ? Math.min(...done) + this.windowMs - now + 1 : this.windowMs;
			await sleep(Math.max(1, Math.min(wait, this.windowMs)));
		}
	}
}

/** A limiter key that identifies a secret without keeping it. */
export function limiterKey(...parts: unknown[]): string {
	return createHash('sha256').update(parts.map(String).join('\u0000')).digest('hex');
}
