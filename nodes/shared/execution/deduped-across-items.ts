import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asError, runAcrossItems } from './across-items';
import { chunk, settleWithConcurrency } from './concurrency';

export interface DedupedPlan<Result> {
	/** The keys (vendor IDs) one item asks for; throws for bad input, which fails that item alone. */
	keysOf: (itemIndex: number) => string[];
	/** Fetches one chunk; the map holds a result for each key the vendor answered. */
	fetchChunk: (keys: string[]) => Promise<Map<string, Result>>;
	/** One output item for one key of one input item; throws when the result is missing. */
	toOutput: (key: string, result: Result | undefined) => IDataObject;
	maxBatchSize: number;
	concurrency: number;
}

/**
 * Reads that many items share: gathers the keys all input items ask for, sends each once, in
 * the vendor's largest batches with bounded concurrency, and gives each input item exactly its
 * own results or its own error. Bad input fails before any request is sent. Reads only.
 */
export async function runDedupedAcrossItems<Result>(
	context: IExecuteFunctions,
	plan: DedupedPlan<Result>,
): Promise<INodeExecutionData[]> {
	return await runAcrossItems(
		context,
		(itemIndex) => [...new Set(plan.keysOf(itemIndex))],
		async (keysByItem) => {
			const uniqueKeys = [...new Set([...keysByItem.values()].flat())];
			const chunks = chunk(uniqueKeys, plan.maxBatchSize);
			const settled = await settleWithConcurrency(chunks, plan.concurrency, plan.fetchChunk);
			const found = new Map<string, Result>();
			const failures = new Map<string, unknown>();
			settled.forEach((outcome, chunkIndex) => {
				for (const key of chunks[chunkIndex]) {
					if (!outcome.ok) failures.set(key, outcome.error);
					else if (outcome.value.has(key)) found.set(key, outcome.value.get(key) as Result);
				}
			});
			const results = new Map<number, IDataObject[] | Error>();
			for (const [itemIndex, keys] of keysByItem) {
				try {
					const failedKey = keys.find((key) => failures.has(key));
					if (failedKey !== undefined) throw failures.get(failedKey);
					results.set(
						itemIndex,
						keys.map((key) => plan.toOutput(key, found.get(key))),
					);
				} catch (error) {
					results.set(itemIndex, asError(error));
				}
			}
			return results;
		},
	);
}
