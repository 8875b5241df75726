import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import type { BitrixTarget } from '../transport';
import { bitrixApiRequest } from '../transport';
import type { BatchCommand } from '../transport/batch';
import { runBatch } from '../transport/batch';

/** Pickers read only: their calls may be repeated, and they use the node's authentication. */
export function pickerTarget(context: ILoadOptionsFunctions): BitrixTarget {
	const mode =
		context.getNodeParameter('authentication', 'webhook') === 'oAuth2' ? 'oAuth2' : 'webhook';
	const plan =
		context.getNodeParameter('options.plan', 'standard') === 'enterprise'
			? 'enterprise'
			: 'standard';
	return { mode, plan };
}

export async function pickerCall(
	context: ILoadOptionsFunctions,
	method: string,
	params: IDataObject,
) {
	return await bitrixApiRequest(context, pickerTarget(context), {
		method,
		params,
		idempotent: true,
	});
}

/** Several reads in one request; a command that failed throws its error. */
export async function pickerBatch(
	context: ILoadOptionsFunctions,
	commands: BatchCommand[],
): Promise<Record<string, unknown>> {
	const outcomes = await runBatch(context, pickerTarget(context), commands, { idempotent: true });
	const results: Record<string, unknown> = {};
	for (const { key } of commands) {
		const outcome = outcomes.get(key);
		if (!outcome?.ok) throw outcome?.error ?? new Error(`No result for ${key}`);
		results[key] = outcome.result;
	}
	return results;
}

export function resourceOf(context: ILoadOptionsFunctions): string {
	return String(context.getNodeParameter('resource', ''));
}
