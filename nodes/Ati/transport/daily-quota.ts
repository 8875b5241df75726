import type { SharedStore, StoreSource } from '../../shared/state/shared-store';
import {
	orInProcess,
	processSharedStore,
	takePoint,
	usableStore,
} from '../../shared/state/shared-store';

type SharedCounter = ReturnType<SharedStore['rateLimiter']>;

/** Moscow has kept UTC+3 all year since 2014; ATI's daily limits start again at its midnight. */
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;
const TWO_DAYS_SECONDS = 2 * 24 * 60 * 60;

/** The Moscow calendar day of a moment, as `2026-12-07`. */
export function moscowDay(at: number): string {
	return new Date(at + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * At most `limit` uses per key per Moscow day. In queue mode the count is shared by every n8n
 * process through n8n's Redis; without Redis, or when it cannot be reached, this process counts
 * alone. The count is n8n's own: ATI also counts what other systems did with the same contact.
 */
export class DailyQuota {
	private readonly inProcess = new Map<string, number>();
	private readonly counters = new WeakMap<SharedStore, SharedCounter>();

	constructor(
		readonly limit: number,
		private readonly name: string,
		private readonly storeSource: StoreSource = processSharedStore,
		private readonly now: () => number = Date.now,
	) {}

	/** Takes one use of today's quota: false when today's is spent. */
	async take(key: string): Promise<boolean> {
		const dayKey = `${key}:${moscowDay(this.now())}`;
		const store = usableStore(this.storeSource);
		if (!store) return this.takeInProcess(dayKey);
		return await orInProcess(
			async () => (await takePoint(this.counterIn(store), dayKey)) === 0,
			() => this.takeInProcess(dayKey),
		);
	}

	/** Gives back a use ATI refused (a 4xx reply: no load was published or changed). */
	async giveBack(key: string): Promise<void> {
		const dayKey = `${key}:${moscowDay(this.now())}`;
		const inProcess = () => {
			const used = this.inProcess.get(dayKey) ?? 0;
			if (used > 0) this.inProcess.set(dayKey, used - 1);
		};
		const store = usableStore(this.storeSource);
		if (!store) return inProcess();
		const counter = this.counterIn(store);
		await orInProcess(async () => {
			await counter.reward(dayKey, 1);
		}, inProcess);
	}

	private takeInProcess(dayKey: string): boolean {
		const day = dayKey.slice(dayKey.lastIndexOf(':') + 1);
		for (const key of this.inProcess.keys()) if (!key.endsWith(day)) this.inProcess.delete(key);
		const used = this.inProcess.get(dayKey) ?? 0;
		if (used >= this.limit) return false;
		this.inProcess.set(dayKey, used + 1);
		return true;
	}

	private counterIn(store: SharedStore): SharedCounter {
		let counter = this.counters.get(store);
		if (!counter) {
			counter = store.rateLimiter({
				keyPrefix: `ati-day:${this.name}:${this.limit}`,
				points: this.limit,
				// The key carries the day: it only has to outlive it.
				duration: TWO_DAYS_SECONDS,
			});
			this.counters.set(store, counter);
		}
		return counter;
	}
}

/**
 * ATI's per-contact daily limits (ati.su/developers/documentation/rules, "Ограничения при работе с
 * конкретными эндпоинтами"): 500 new loads (POST /v2/cargos, POST /v1.0/loads) and 5,000 load
 * changes (PUT /v2/cargos/{guid}) in 24 hours, reset at 00:00.
 */
export const loadCreateQuota = new DailyQuota(500, 'load-create');
export const loadUpdateQuota = new DailyQuota(5000, 'load-update');
