import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chunk, settleWithConcurrency } from './concurrency';
import { asItemError, errorItem, resultItems } from './item-errors';

export interface BatchPlan<Result> {
	/** The keys one item asks for; throws for bad input, which fails that item alone. */
	keysOf: (itemIndex: number) => string[];
	/** Fetches one chunk; the map holds a result for each key the vendor answered. */
	fetchChunk: (keys: string[]) => Promise<Map<string, Result>>;
	/** One output item for one key of one input item; throws when the result is missing. */
	toOutput: (key: string, result: Result | undefined) => IDataObject;
	maxBatchSize: number;
	concurrency: number;
}

/**
 * Gathers what all input items ask for, de-duplicates it, fetches it in the vendor's largest
 * batches with bounded concurrency, and gives each input item exactly its own results or its
 * own error. Bad input fails before any request is sent.
 */
export async function runBatchedAcrossItems<Result>(
	context: IExecuteFunctions,
	plan: BatchPlan<Result>,
): Promise<INodeExecutionData[]> {
	const count = context.getInputData().length;
	const continueOnFail = context.continueOnFail();
	const keysByItem: Array<string[] | Error> = [];

	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			keysByItem.push([...new Set(plan.keysOf(itemIndex))]);
		} catch (error) {
			const itemError = asItemError(context, error, itemIndex);
			if (!continueOnFail) throw itemError;
			keysByItem.push(itemError);
		}
	}

	const uniqueKeys = [...new Set(keysByItem.flatMap((keys) => (Array.isArray(keys) ? keys : [])))];
	const chunks = chunk(uniqueKeys, plan.maxBatchSize);
	const settled = await settleWithConcurrency(chunks, plan.concurrency, plan.fetchChunk);

	const results = new Map<string, Result>();
	const failures = new Map<string, unknown>();
	settled.forEach((outcome, chunkIndex) => {
		for (const key of chunks[chunkIndex]) {
			if (!outcome.ok) failures.set(key, outcome.error);
			else if (outcome.value.has(key)) results.set(key, outcome.value.get(key) as Result);
		}
	});

	const output: INodeExecutionData[] = [];
	keysByItem.forEach((keys, itemIndex) => {
		try {
			if (!Array.isArray(keys)) throw keys;
			const failedKey = keys.find((key) => failures.has(key));
			if (failedKey !== undefined) throw failures.get(failedKey);
			output.push(
				...resultItems(
					keys.map((key) => plan.toOutput(key, results.get(key))),
					itemIndex,
				),
			);
		} catch (error) {
			const itemError = asItemError(context, error, itemIndex);
			if (!continueOnFail) throw itemError;
			output.push(errorItem(itemError, itemIndex));
		}
	});
	return output;
}
