/** Resolves once `condition` holds; fails naming `what` when it has not within `timeoutMs`. */
export async function waitUntil(
	condition: () => boolean,
	what: string,
	timeoutMs = 10_000,
): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
