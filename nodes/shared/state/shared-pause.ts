import { sleep } from 'n8n-workflow';

import type { StoreSource } from './shared-store';
import { processSharedStore, usableStore } from './shared-store';

/**
 * "Nobody sends with this key for a while", in every n8n process when they share Redis (one key
 * with a millisecond expiry), and always in this one: what a vendor's rate-limit refusal asks for.
 */
export class SharedPause {
	private readonly until = new Map<string, number>();

	constructor(
		private readonly name: string,
		private readonly storeSource: StoreSource = processSharedStore,
	) {}

	async pause(key: string, ms: number): Promise<void> {
		const wait = Math.max(1, Math.ceil(ms));
		this.until.set(key, Math.max(this.until.get(key) ?? 0, Date.now() + wait));
		const store = usableStore(this.storeSource);
		if (!store) return;
		try {
			const pauseKey = this.keyOf(store.prefix, key);
			if ((await store.redis.pttl(pauseKey)) < wait) {
				await store.redis.set(pauseKey, '1', 'PX', wait);
			}
		} catch {
			// The pause still holds in this process.
		}
	}

	/** Resolves once no pause holds for this key. */
	async waitOut(key: string): Promise<void> {
		for (;;) {
			const local = (this.until.get(key) ?? 0) - Date.now();
			// A pause that has passed is forgotten, so the map holds only the keys paused now.
			if (local <= 0) this.until.delete(key);
			const left = Math.max(local, await this.sharedLeft(key));
			if (left <= 0) return;
			await sleep(left);
		}
	}

	private async sharedLeft(key: string): Promise<number> {
		const store = usableStore(this.storeSource);
		if (!store) return 0;
		try {
			return await store.redis.pttl(this.keyOf(store.prefix, key));
		} catch {
			return 0;
		}
	}

	private keyOf(prefix: string, key: string) {
		return `${prefix}pause:${this.name}:${key}`;
	}
}
