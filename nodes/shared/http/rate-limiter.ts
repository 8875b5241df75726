import { createHash } from 'node:crypto';

import { sleep } from 'n8n-workflow';

/** At most `limit` starts in any window of `windowMs`, per key, within this n8n process. */
export class SlidingWindowLimiter {
	private readonly starts = new Map<string, number[]>();

	constructor(
		private readonly limit: number,
		private readonly windowMs: number,
	) {}

	async acquire(key: string): Promise<void> {
		for (;;) {
			const now = Date.now();
			const recent = (this.starts.get(key) ?? []).filter((at) => now - at < this.windowMs);
			if (recent.length < this.limit) {
				recent.push(now);
				this.starts.set(key, recent);
				return;
			}
			this.starts.set(key, recent);
			await sleep(this.windowMs - (now - recent[0]) + 1);
		}
	}
}

/** A limiter key that identifies a secret without keeping it. */
export function limiterKey(...parts: unknown[]): string {
	return createHash('sha256').update(parts.map(String).join('\u0000')).digest('hex');
}
