import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { expectShape } from '../../../shared/http/reply-shape';
import type { QueryValue } from '../../transport';
import { OKTELL_CONCURRENCY, VENDOR, oktellJson, oktellRequest, replyText } from '../../transport';
import { callActor } from '../parameters/call-actor';
import { requestLimits } from '../parameters/request-options';

export interface CallCommand {
	command: string;
	/** The command's own parameters for one item. */
	query?: (itemIndex: number) => Record<string, QueryValue>;
	/**
	 * Every call command changes the call; `repeatable` when sending it again after a failure
	 * whose outcome is unknown (502, 504, a timeout) changes nothing more.
	 */
	repeatable?: boolean;
}

/**
 * The line a call command acts for, as given: commands for one line keep their order. A line
 * named two ways (its number and its user) gets two keys; Oktell does not say how to resolve it.
 */
function actorKey(context: IExecuteFunctions, itemIndex: number): string {
	return JSON.stringify(callActor(context, itemIndex));
}

/** Runs a call-control command per item: `{success, command, <actor>, ...parameters}`. */
export async function runCallCommand(context: IExecuteFunctions, call: CallCommand) {
	const options = {
		concurrency: OKTELL_CONCURRENCY,
		effect: 'write' as const,
		orderKey: (itemIndex: number) => actorKey(context, itemIndex),
	};
	return await runPerItem(
		context,
		async (itemIndex) => {
			const actor = callActor(context, itemIndex);
			const qs = { ...actor, ...call.query?.(itemIndex) };
			const request = {
				command: call.command,
				qs,
				effect: 'write' as const,
				repeatable: call.repeatable,
				itemIndex,
				...requestLimits(context, itemIndex),
			};
			const text = replyText(context, await oktellRequest(context, request), request).trim();
			const result: IDataObject = { success: true, command: call.command };
			for (const [key, value] of Object.entries(qs)) if (value !== undefined) result[key] = value;
			if (text !== '') result.reply = text;
			return result;
		},
		options,
	);
}

/** Runs a call command that answers a JSON object, per item; any other reply is that item's error. */
export async function runCallQuery(context: IExecuteFunctions, command: string) {
	return await runPerItem(
		context,
		async (itemIndex) => {
			const reply = await oktellJson(context, {
				command,
				qs: callActor(context, itemIndex),
				effect: 'read',
				itemIndex,
				...requestLimits(context, itemIndex),
			});
			return expectShape<IDataObject>(() => context.getNode(), reply, 'object', {
				vendor: VENDOR,
				what: command,
				text: JSON.stringify(reply) ?? String(reply),
				itemIndex,
			});
		},
		{ concurrency: OKTELL_CONCURRENCY },
	);
}
