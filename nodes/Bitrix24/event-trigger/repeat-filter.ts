import type { StoreSource } from '../../shared/state/shared-store';
import { orInProcess, processSharedStore, usableStore } from '../../shared/state/shared-store';

/** Remembered keys in this process at most; the oldest go first. */
const MAX_KEYS = 10_000;

/**
 * Drops a repeat of the same key within a window. Bitrix24 delivers at least once: it sends an
 * event again when the handler did not answer, and an update often fires twice for one save.
 * In queue mode every n8n process shares the memory (n8n's Redis, `SET NX PX`); otherwise this
 * process remembers.
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

	/** Forgets a key, so that Bitrix24's repeat of a call that failed here is taken again. */
	async forget(key: string): Promise<void> {
		this.seen.delete(key);
		const store = usableStore(this.storeSource);
		if (!store) return;
		await orInProcess(
			async () => void (await store.redis.del(`${store.prefix}b24event:${key}`)),
			() => undefined,
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
