import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { MAX_PARALLEL_OPTION } from '../description/request-limits';
import type { Effect } from '../http/effect';
import { inputError } from '../errors/node-errors';
import { resultItems } from './item-errors';
import { ItemOutcomes } from './item-outcomes';
import { credentialsProven, rememberCredentialsProven } from './run-credentials';

export interface PerItemOptions {
	/**
	 * Items in flight at once; 1, the default, runs them one after another. The operation's
	 * "Max Parallel Requests" option, where it has one, takes its place.
	 */
	concurrency?: number;
	/**
	 * 'write': the items change data. Without Continue On Fail they then run one at a time: a
	 * failed run has applied no item after the one that failed, so running it again repeats nothing.
	 */
	effect?: Effect;
	/** Items with the same key run one after another, in input order (commands for one line). */
	orderKey?: (itemIndex: number) => string | undefined;
	/** Checks every item's input before the first starts (unless failed items may continue). */
	checkFirst?: (itemIndex: number) => unknown;
}

/**
 * Runs one call per input item. A failure stops the node with the item's number, or, with
 * "continue on fail", becomes an error item in that item's place. Every output names its item.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
	options: PerItemOptions = {},
): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(
		context,
		async (itemIndex) => resultItems(await handler(itemIndex), itemIndex),
		options,
	);
}

/**
 * As `runPerItem`, for handlers that build whole items (binary data); they set `pairedItem`.
 * Output keeps the input order whatever order the items finish in. Without Continue On Fail, the
 * first failure starts no further item, the items in flight finish, and the failure of the
 * lowest item is thrown. Until a run with its credentials has succeeded, the first item runs
 * alone, so a wrong credential or a login fails once.
 */
export async function runPerItemToItems(
	context: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<INodeExecutionData[]>,
	options: PerItemOptions = {},
): Promise<INodeExecutionData[]> {
	const outcomes = new ItemOutcomes(context);
	const { count, continueOnFail } = outcomes;
	if (options.checkFirst && !continueOnFail) {
		for (let itemIndex = 0; itemIndex < count; itemIndex++) options.checkFirst(itemIndex);
	}
	const concurrency = chosenParallelism(context) ?? options.concurrency ?? 1;
	const limit = options.effect === 'write' && !continueOnFail ? 1 : Math.max(1, concurrency);
	const previousOfKey = new Map<string, Promise<void>>();

	const run = async (itemIndex: number, after?: Promise<void>) => {
		await after;
		if (outcomes.stopping) return;
		try {
			outcomes.succeed(itemIndex, await handler(itemIndex));
		} catch (error) {
			outcomes.fail(itemIndex, error);
		}
	};
	const start = (itemIndex: number) => {
		const key = limit > 1 ? orderKeyOf(options, itemIndex) : undefined;
		const running = run(itemIndex, key === undefined ? undefined : previousOfKey.get(key));
		if (key !== undefined) previousOfKey.set(key, running);
		return running;
	};

	let next = 0;
	if (count > 0 && !credentialsProven(context)) {
		await start(next++);
		if (!outcomes.anyFailed) rememberCredentialsProven(context, true);
	}
	const worker = async () => {
		while (next < count && !outcomes.stopping) await start(next++);
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));

	if (outcomes.anyFailed) rememberCredentialsProven(context, false);
	return outcomes.output();
}

/** A key that cannot be read (bad input) orders nothing: the handler reports that input. */
function orderKeyOf(options: PerItemOptions, itemIndex: number): string | undefined {
	try {
		return options.orderKey?.(itemIndex);
	} catch {
		return undefined;
	}
}

/** The "Max Parallel Requests" option, read once for the run (from the first item). */
function chosenParallelism(context: IExecuteFunctions): number | undefined {
	const value = context.getNodeParameter(`options.${MAX_PARALLEL_OPTION}`, 0, null) as unknown;
	if (value === null || value === undefined || value === '') return undefined;
	const count = Number(value);
	if (!Number.isInteger(count) || count < 1) {
		throw inputError(
			context.getNode(),
			`Max Parallel Requests must be a whole number of at least 1, not "${String(value)}"`,
			"Set Max Parallel Requests in the node's options to 1 or more, or remove it to use the default.",
			0,
		);
	}
	return count;
}
