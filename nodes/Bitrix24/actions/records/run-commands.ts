import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { NO_OUTCOME, runChunkedAcrossItems } from '../../../shared/execution/across-items';
import type { BitrixTarget } from '../../transport';
import { MAX_REPLY_MEGABYTES, TIMEOUT_SECONDS } from '../../transport';
import type { CommandOutcome } from '../../transport/batch';
import { BATCH_CONCURRENCY, BATCH_SIZE, runItemBatch } from '../../transport/batch';
import { requestLimitsOf, targetOf } from '../parameters/portal-options';
import { withSourceKey } from './source-key';
import type { Effect } from '../../../shared/http/effect';

export interface ItemCommand {
	method: string;
	params: IDataObject;
}

export interface CommandPlan {
	commandOf: (itemIndex: number) => ItemCommand;
	/** Declared by the operation: a batch is sent again after a dropped connection only if it reads. */
	effect: Effect;
	toOutput: (result: unknown, itemIndex: number) => IDataObject;
	/** The result of an item that needs no request (nothing left to change), else undefined. */
	settledOf?: (itemIndex: number) => unknown;
}

export const LIMITS_HINT =
	'Raise "Timeout (Seconds)" or "Max Reply Size (MB)" in the node\'s options if the portal is just slow or the reply rightly large.';

export function batchLimits(context: IExecuteFunctions) {
	const limits = requestLimitsOf(context, 0);
	return {
		timeoutMs: limits.timeoutMs ?? TIMEOUT_SECONDS * 1000,
		maxReplyBytes: limits.maxReplyBytes ?? MAX_REPLY_MEGABYTES * 1024 * 1024,
		limitsHint: LIMITS_HINT,
	};
}

/** What an item sends, or the result it has without sending anything. */
type Row = { command: ItemCommand } | { settled: unknown };

/** One command per input item, sent 50 to a `batch` request; each item gets its own outcome. */
export async function runCommandsAcrossItems(
	context: IExecuteFunctions,
	plan: CommandPlan,
	target: BitrixTarget = targetOf(context),
): Promise<INodeExecutionData[]> {
	return await runChunkedAcrossItems<Row, CommandOutcome>(context, {
		rowOf: (itemIndex) => {
			const command = plan.commandOf(itemIndex);
			const settled = plan.settledOf?.(itemIndex);
			return settled === undefined ? { command } : { settled };
		},
		sendChunk: async (rows, itemIndexes) => {
			const sent = rows.flatMap((row, position) =>
				'command' in row
					? [
							withSourceKey(
								{ itemIndex: itemIndexes[position], ...row.command },
								target,
								plan.effect === 'write',
							),
						]
					: [],
			);
			const answered =
				sent.length === 0
					? []
					: await runItemBatch(context, target, sent, {
							...batchLimits(context),
							effect: plan.effect,
						});
			return rows.map(
				(row): CommandOutcome =>
					'command' in row
						? (answered.shift() ?? { ok: false, error: new Error(NO_OUTCOME) })
						: { ok: true, result: row.settled },
			);
		},
		toOutput: (outcome, itemIndex) => plan.toOutput(commandResult(outcome), itemIndex),
		maxChunkSize: BATCH_SIZE,
		concurrency: BATCH_CONCURRENCY,
	});
}

/** A command's result, or its error thrown. */
export function commandResult(outcome: CommandOutcome | undefined): unknown {
	if (outcome?.ok) return outcome.result;
	throw outcome?.error ?? new Error(NO_OUTCOME);
}
