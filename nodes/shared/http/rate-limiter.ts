import { createHash } from 'node:crypto';

import { sleep } from 'n8n-workflow';

interface Slot {
	/** When the reply came back; undefined while the request is in flight. */
	doneAt?: number;
}

const POLL_MS = 25;

/**
 * At most `limit` requests per `windowMs` per key, within this n8n process, as the vendor counts
 * them on arrival. A request counts from its start until `windowMs` after its reply: it reached
 * the server somewhere in between, so no window on the server's clock can hold more than `limit`.
 */
export class SlidingWindowLimiter {
	private readonly slots = new Map<string, Slot[]>();

	constructor(
		private readonly limit: number,
		private readonly windowMs: number,
	) {}

	/** Waits for a free slot; call the returned function when the reply has arrived. */
	async acquire(key: string): Promise<() => void> {
		for (;;) {
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
