import type { IExecuteFunctions } from 'n8n-workflow';

import { chunk, settleWithConcurrency } from '../../../shared/execution/concurrency';
import { runAcrossItems } from '../../../shared/execution/across-items';
import type { BitrixTarget } from '../../transport';
import type { BatchCommand, CommandOutcome } from '../../transport/batch';
import { BATCH_CONCURRENCY, BATCH_SIZE, runBatch } from '../../transport/batch';
import { batchLimits } from './run-commands';
import { withSourceKey } from './source-key';
import type { Effect } from '../../../shared/http/effect';

/**
 * Sends commands 50 to a `batch`; every command gets an outcome, a failed batch failing each of
 * its commands. `effect` is the operation's own word on whether these commands only read.
 */
export async function sendCommands(
	context: IExecuteFunctions,
	target: BitrixTarget,
	commands: BatchCommand[],
	effect: Effect,
): Promise<Map<string, CommandOutcome>> {
	const chunks = chunk(
		commands.map((command) => withSourceKey(command, target, effect === 'write')),
		BATCH_SIZE,
	);
	const settled = await settleWithConcurrency(
		chunks,
		BATCH_CONCURRENCY,
		async (part) => await runBatch(context, target, part, { ...batchLimits(context), effect }),
	);
	const outcomes = new Map<string, CommandOutcome>();
	settled.forEach((outcome, index) => {
		for (const { key } of chunks[index]) {
			if (outcome.ok) {
				outcomes.set(
					key,
					outcome.value.get(key) ?? { ok: false, error: new Error(`No outcome for ${key}`) },
				);
			} else {
				outcomes.set(key, { ok: false, error: outcome.error as Error });
			}
		}
	});
	return outcomes;
}

/** A command's result, or its error thrown. */
export function resultOf(outcomes: Map<string, CommandOutcome>, key: string): unknown {
	const outcome = outcomes.get(key);
	if (outcome?.ok) return outcome.result;
	throw outcome?.error ?? new Error(`No outcome for ${key}`);
}

/**
 * Items that go through several batch stages: `prepare` reads each item's input first (bad
 * input fails before anything is sent), `run` does the stages for the items still standing and
 * gives each its outputs or its error. The shared across-items runner keeps the outcomes.
 */
export const runStagedItems = runAcrossItems;
