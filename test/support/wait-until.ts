/**
 * Asks `probe` every `intervalMs` until it returns a value; fails naming `what` when it has not
 * within `timeoutMs`.
 */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined> | T | undefined,
	timeoutMs: number,
	intervalMs = 1000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await probe();
		if (found !== undefined) return found;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** Resolves once `condition` holds, checking every 10 ms. */
export async function waitUntil(
	condition: () => boolean,
	what: string,
	timeoutMs = 10_000,
): Promise<void> {
	await waitFor(what, () => (condition() ? true : undefined), timeoutMs, 10);
}
