import type { IExecuteFunctions } from 'n8n-workflow';

import { chunk, settleWithConcurrency } from '../../../shared/execution/concurrency';
import { runAcrossItems } from '../../../shared/execution/across-items';
import type { BitrixTarget } from '../../transport';
import type { CommandOutcome, UnnamedCommand } from '../../transport/batch';
import { BATCH_CONCURRENCY, BATCH_SIZE, runCommandList } from '../../transport/batch';
import { batchLimits } from './run-commands';
import { withSourceKey } from './source-key';
import type { Effect } from '../../../shared/http/effect';

/**
 * Sends commands 50 to a `batch`; every command gets an outcome, in the order the commands were
 * given, a failed batch failing each of its commands. `effect` is the operation's own word on
 * whether these commands only read.
 */
export async function sendCommandList(
	context: IExecuteFunctions,
	target: BitrixTarget,
	commands: UnnamedCommand[],
	effect: Effect,
): Promise<CommandOutcome[]> {
	const chunks = chunk(
		commands.map(({ method, params }) =>
			withSourceKey({ method, params }, target, effect === 'write'),
		),
		BATCH_SIZE,
	);
	const settled = await settleWithConcurrency(
		chunks,
		BATCH_CONCURRENCY,
		async (part) =>
			await runCommandList(context, target, part, { ...batchLimits(context), effect }),
	);
	return settled.flatMap((outcome, index) =>
		chunks[index].map(
			(command, position): CommandOutcome =>
				outcome.ok
					? (outcome.value[position] ?? {
							ok: false,
							error: new Error(`No outcome for ${command.method}`),
						})
					: { ok: false, error: outcome.error as Error },
		),
	);
}

/** A command's result, or its error thrown. */
export function resultOf(outcome: CommandOutcome | undefined): unknown {
	if (outcome?.ok) return outcome.result;
	throw outcome?.error ?? new Error('No outcome for this command');
}

/**
 * Items that go through several batch stages: `prepare` reads each item's input first (bad
 * input fails before anything is sent), `run` does the stages for the items still standing and
 * gives each its outputs or its error. The shared across-items runner keeps the outcomes.
 */
export const runStagedItems = runAcrossItems;
