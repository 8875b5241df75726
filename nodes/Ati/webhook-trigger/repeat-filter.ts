import type { StoreSource } from '../../shared/state/shared-store';
import { orInProcess, processSharedStore, usableStore } from '../../shared/state/shared-store';

/** Remembered deliveries in this process at most; the oldest go first. */
const MAX_KEYS = 10_000;
/** ATI repeats a failed delivery until it succeeds, for up to 4 days. */
export const REPEAT_WINDOW_MS = 4 * 24 * 3600 * 1000;

/**
 * Drops an event ATI delivers again (ATI-Is-Retry) after a call whose answer it did not get.
 * In queue mode every n8n process shares the memory through n8n's Redis (`SET NX PX`).
 */
export class AtiRepeatFilter {
	private readonly seen = new Map<string, number>();

	constructor(private readonly storeSource: StoreSource = processSharedStore) {}

	async firstTime(key: string): Promise<boolean> {
		const store = usableStore(this.storeSource);
		if (!store) return this.firstHere(key);
		return await orInProcess(
			async () =>
				(await store.redis.set(
					`${store.prefix}ati-event:${key}`,
					'1',
					'PX',
					REPEAT_WINDOW_MS,
					'NX',
				)) === 'OK',
			() => this.firstHere(key),
		);
	}

	private firstHere(key: string): boolean {
		const now = Date.now();
		if ((this.seen.get(key) ?? 0) > now) return false;
		this.seen.set(key, now + REPEAT_WINDOW_MS);
		if (this.seen.size > MAX_KEYS) this.seen.delete(this.seen.keys().next().value as string);
		return true;
	}
}

export const atiRepeatFilter = new AtiRepeatFilter();
