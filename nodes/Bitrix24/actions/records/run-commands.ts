import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runBatchedAcrossItems } from '../../../shared/execution/batch-across-items';
import type { BitrixTarget } from '../../transport';
import { MAX_REPLY_MEGABYTES, TIMEOUT_SECONDS } from '../../transport';
import type { CommandOutcome } from '../../transport/batch';
import { BATCH_CONCURRENCY, BATCH_SIZE, runBatch } from '../../transport/batch';
import { requestLimitsOf, targetOf } from '../parameters/portal-options';
import { withSourceKey } from './source-key';

export interface ItemCommand {
	method: string;
	params: IDataObject;
}

export interface CommandPlan {
	commandOf: (itemIndex: number) => ItemCommand;
	/** Declared by the operation: a batch is sent again after a dropped connection only if every command reads. */
	idempotent: boolean;
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

/** One command per input item, sent 50 to a `batch` request; each item gets its own outcome. */
export async function runCommandsAcrossItems(
	context: IExecuteFunctions,
	plan: CommandPlan,
	target: BitrixTarget = targetOf(context),
): Promise<INodeExecutionData[]> {
	const commands = new Map<string, ItemCommand>();
	const settled = new Map<string, CommandOutcome>();
	const itemOf = (key: string) => Number(key.slice(4));
	return await runBatchedAcrossItems<CommandOutcome>(context, {
		keysOf: (itemIndex) => {
			const key = `item${itemIndex}`;
			const command = plan.commandOf(itemIndex);
			const result = plan.settledOf?.(itemIndex);
			if (result === undefined) commands.set(key, command);
			else settled.set(key, { ok: true, result });
			return [key];
		},
		fetchChunk: async (keys) => {
			const sent = keys.filter((key) => commands.has(key));
			const outcomes =
				sent.length === 0
					? new Map<string, CommandOutcome>()
					: await runBatch(
							context,
							target,
							sent.map((key) =>
								withSourceKey(
									{ key, ...(commands.get(key) as ItemCommand) },
									target,
									!plan.idempotent,
								),
							),
							{ ...batchLimits(context), idempotent: plan.idempotent },
						);
			for (const key of keys)
				if (settled.has(key)) outcomes.set(key, settled.get(key) as CommandOutcome);
			return outcomes;
		},
		toOutput: (key, outcome) => {
			if (outcome?.ok) return plan.toOutput(outcome.result, itemOf(key));
			throw outcome?.error ?? new Error('The batch gave no outcome for this item');
		},
		maxBatchSize: BATCH_SIZE,
		concurrency: BATCH_CONCURRENCY,
	});
}
