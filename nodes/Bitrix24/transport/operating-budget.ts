import type { IDataObject } from 'n8n-workflow';

/**
 * When each method's execution-time budget resets, as the `time.operating_reset_at` of its last
 * reply said, per portal: what an OPERATION_TIME_LIMIT error can tell the user.
 */
const resets = new Map<string, number>();
const MAX_ENTRIES = 1_000;

export function noteBudget(portalKey: string, method: string, time: unknown): void {
	const resetAt = (time as IDataObject | undefined)?.operating_reset_at;
	if (typeof resetAt !== 'number' || !Number.isFinite(resetAt)) return;
	const key = `${portalKey} ${method}`;
	resets.delete(key);
	resets.set(key, resetAt * 1000);
	if (resets.size > MAX_ENTRIES) resets.delete(resets.keys().next().value as string);
}

/** The reset time (epoch ms) last seen for this method, if it is still ahead. */
export function budgetResetAt(portalKey: string, method: string): number | undefined {
	const at = resets.get(`${portalKey} ${method}`);
	return at !== undefined && at > Date.now() ? at : undefined;
}
