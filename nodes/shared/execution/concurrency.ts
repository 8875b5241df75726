export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `task` over `inputs` with at most `limit` in flight; results keep the input order. */
export async function settleWithConcurrency<I, T>(
	inputs: I[],
	limit: number,
	task: (input: I, index: number) => Promise<T>,
): Promise<Array<Settled<T>>> {
	const results = new Array<Settled<T>>(inputs.length);
	let next = 0;
	const worker = async () => {
		while (next < inputs.length) {
			const index = next++;
			try {
				results[index] = { ok: true, value: await task(inputs[index], index) };
			} catch (error) {
				results[index] = { ok: false, error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
	return results;
}

export function chunk<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size) {
		chunks.push(values.slice(start, start + size));
	}
	return chunks;
}
