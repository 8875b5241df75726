export interface RetryPolicy {
	/** Total tries, the first one included. */
	maxAttempts: number;
	/** Total tries when the connection drops or times out (reads and repeatable writes only). */
	maxNetworkAttempts: number;
	/** The longest the node waits across all retries of one request. */
	maxTotalWaitMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Statuses after which a read is sent again. */
	retryStatuses: number[];
	/**
	 * Replies that prove the vendor did not process the request (a documented rate-limit or busy
	 * refusal): only these let a write be sent again.
	 */
	isRefusal?: (statusCode: number, body: string) => boolean;
	/** A vendor rule that replaces the default backoff for some replies (e.g. ATI's 100, 200, 400 ms). */
	vendorDelayMs?: (statusCode: number, attempt: number) => number | undefined;
}

/**
 * 429 (RFC 6585 §4) and 503 (RFC 9110 §15.6.4) with a Retry-After say when to come back, whoever
 * sends them (the vendor, or a proxy in between): a read then waits that long, when the wait fits
 * in the policy's total, even if the vendor's own statuses to retry leave them out.
 */
export function asksToWait(statusCode: number, retryAfterHeader: unknown): boolean {
	return (
		(statusCode === 429 || statusCode === 503) && parseRetryAfter(retryAfterHeader) !== undefined
	);
}

export const defaultRetryPolicy: RetryPolicy = {
	maxAttempts: 5,
	maxNetworkAttempts: 3,
	maxTotalWaitMs: 30_000,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
	retryStatuses: [429, 502, 503, 504],
};

/**
 * Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable (a negative or
 * fractional number of seconds is neither form).
 */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	if (/^[-+.\d\s]+$/.test(text)) return undefined;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Exponential backoff with full jitter: a random wait between 0 and the attempt's ceiling. */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(random() * ceiling);
}

export function retryDelayMs(
	policy: RetryPolicy,
	attempt: number,
	statusCode: number | undefined,
	retryAfterHeader: unknown,
): number {
	const retryAfter = parseRetryAfter(retryAfterHeader);
	if (retryAfter !== undefined) return retryAfter;
	const vendorDelay =
		statusCode === undefined ? undefined : policy.vendorDelayMs?.(statusCode, attempt);
	return vendorDelay ?? backoffDelayMs(policy, attempt);
}
