import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chunk, settleWithConcurrency } from './concurrency';
import { ItemOutcomes } from './item-outcomes';
import { resultItems } from './item-errors';

export const NO_OUTCOME = 'The batch gave no outcome for this item';

/**
 * Items whose requests go together: `prepare` reads each item's input first (bad input fails
 * that item before anything is sent), `run` sends for the items still standing and gives each
 * its outputs or its error, by item number.
 */
export async function runAcrossItems<Plan>(
	context: IExecuteFunctions,
	prepare: (itemIndex: number) => Plan,
	run: (plans: Map<number, Plan>) => Promise<Map<number, IDataObject[] | Error>>,
): Promise<INodeExecutionData[]> {
	const outcomes = new ItemOutcomes(context);
	const plans = new Map<number, Plan>();
	for (let itemIndex = 0; itemIndex < outcomes.count; itemIndex++) {
		try {
			plans.set(itemIndex, prepare(itemIndex));
		} catch (error) {
			outcomes.fail(itemIndex, error, true);
		}
	}
	const results = plans.size === 0 ? new Map<number, IDataObject[] | Error>() : await run(plans);
	for (const itemIndex of plans.keys()) {
		const result = results.get(itemIndex);
		if (Array.isArray(result)) outcomes.succeed(itemIndex, resultItems(result, itemIndex));
		else outcomes.fail(itemIndex, result ?? new Error('The item got no result'), true);
	}
	return outcomes.output();
}

export interface ChunkPlan<Row, Outcome> {
	/** The item's row; throws for bad input, which fails that item alone. */
	rowOf: (itemIndex: number) => Row;
	/** Sends one chunk of rows; answers one outcome per row, in the rows' order. */
	sendChunk: (rows: Row[], itemIndexes: number[]) => Promise<Outcome[]>;
	/** The item's output from its outcome; throws when the outcome is a failure. */
	toOutput: (outcome: Outcome, itemIndex: number, row: Row) => IDataObject | IDataObject[];
	maxChunkSize: number;
	concurrency: number;
}

/**
 * One row per input item, sent `maxChunkSize` rows to a request with bounded concurrency; the
 * outcome at a row's position is its item's. A failed request fails each item that was in it.
 */
export async function runChunkedAcrossItems<Row, Outcome>(
	context: IExecuteFunctions,
	plan: ChunkPlan<Row, Outcome>,
): Promise<INodeExecutionData[]> {
	return await runAcrossItems(context, plan.rowOf, async (rows) => {
		const chunks = chunk([...rows.keys()], plan.maxChunkSize);
		const settled = await settleWithConcurrency(
			chunks,
			plan.concurrency,
			async (itemIndexes) =>
				await plan.sendChunk(
					itemIndexes.map((itemIndex) => rows.get(itemIndex) as Row),
					itemIndexes,
				),
		);
		const results = new Map<number, IDataObject[] | Error>();
		settled.forEach((sent, chunkIndex) => {
			chunks[chunkIndex].forEach((itemIndex, position) => {
				try {
					if (!sent.ok) throw sent.error;
					if (position >= sent.value.length) throw new Error(NO_OUTCOME);
					const output = plan.toOutput(sent.value[position], itemIndex, rows.get(itemIndex) as Row);
					results.set(itemIndex, Array.isArray(output) ? output : [output]);
				} catch (error) {
					results.set(itemIndex, asError(error));
				}
			});
		});
		return results;
	});
}

export function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}
