import { createHash } from 'node:crypto';

import type { StoreSource } from '../../shared/state/shared-store';
import { orInProcess, processSharedStore, usableStore } from '../../shared/state/shared-store';

/** Remembered keys in this process at most; the oldest go first. */
const MAX_KEYS = 10_000;

/** What makes two calls one delivery. */
export interface Delivery {
	/** The workflow and node that received it: each trigger takes every delivery once. */
	trigger: string;
	portal: string;
	event: string;
	handlerId: string;
	/** When the portal's queue sent it, in seconds. */
	ts: string;
	/** The record, or the whole `data` when it names none. */
	subject: string;
}

/**
 * Two calls are one delivery only when all of this is the same: a later change of the same
 * record has another `ts`, and another trigger (workflow) has another key.
 */
export function deliveryKey(delivery: Delivery): string {
	const parts = [
		delivery.trigger,
		delivery.portal,
		delivery.event,
		delivery.handlerId,
		delivery.ts,
		delivery.subject,
	];
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Drops a second call of the same delivery within a window: a proxy or load balancer that sends
 * a call again, or a handler URL bound twice. Bitrix24 itself never sends an event again (REST
 * docs, events overview: "No retries"). In queue mode every n8n process shares the memory
 * (n8n's Redis, `SET NX PX`); otherwise this process remembers.
 */
export class RepeatFilter {
	private readonly seen = new Map<string, number>();

	constructor(private readonly storeSource: StoreSource = processSharedStore) {}

	/** True the first time a key is seen within `windowMs`, false for a repeat. */
	async firstTime(key: string, windowMs: number): Promise<boolean> {
		if (windowMs <= 0) return true;
		const store = usableStore(this.storeSource);
		if (!store) return this.firstHere(key, windowMs);
		return await orInProcess(
			async () =>
				(await store.redis.set(`${store.prefix}b24event:${key}`, '1', 'PX', windowMs, 'NX')) ===
				'OK',
			() => this.firstHere(key, windowMs),
		);
	}

	private firstHere(key: string, windowMs: number): boolean {
		const now = Date.now();
		const until = this.seen.get(key);
		if (until !== undefined && until > now) return false;
		this.seen.delete(key);
		this.seen.set(key, now + windowMs);
		for (const [old, end] of this.seen) {
			if (this.seen.size <= MAX_KEYS && end > now) break;
			this.seen.delete(old);
		}
		return true;
	}
}

export const repeatFilter = new RepeatFilter();
