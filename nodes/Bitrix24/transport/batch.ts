import type { IDataObject } from 'n8n-workflow';

import { phpQuery } from '../helpers/php-query';
import type { BitrixErrorReply } from './errors';
import { errorIn } from './errors';
import type { BitrixTarget } from './index';
import { bitrixApiRequest } from './index';
import type { RequestContext } from '../../shared/http/vendor-request';

/** Bitrix24 runs at most 50 commands per `batch` call. */
export const BATCH_SIZE = 50;
/** Batches in flight at once; the leaky bucket still paces them. */
export const BATCH_CONCURRENCY = 4;

export interface BatchCommand {
	key: string;
	method: string;
	params: IDataObject;
}

export type CommandOutcome =
	| { ok: true; result: unknown; total?: number; next?: number }
	| { ok: false; error: BitrixErrorReply };

interface BatchResult {
	result?: Record<string, unknown> | unknown[];
	result_error?: Record<string, unknown> | unknown[];
	result_total?: Record<string, unknown> | unknown[];
	result_next?: Record<string, unknown> | unknown[];
}

/** Runs up to 50 commands in one `batch` call with `halt` off; each command gets its outcome. */
export async function runBatch(
	context: RequestContext,
	target: BitrixTarget,
	commands: BatchCommand[],
): Promise<Map<string, CommandOutcome>> {
	const cmd = Object.fromEntries(
		commands.map(({ key, method, params }) => {
			const query = phpQuery(params);
			return [key, query === '' ? method : `${method}?${query}`];
		}),
	);
	const reply = await bitrixApiRequest(context, target, {
		method: 'batch',
		params: { halt: 0, cmd },
	});
	const batch = (reply.result ?? {}) as BatchResult;
	const pick = (from: BatchResult[keyof BatchResult], key: string) =>
		from && !Array.isArray(from) ? from[key] : undefined;

	const outcomes = new Map<string, CommandOutcome>();
	for (const { key } of commands) {
		const failure = errorIn(pick(batch.result_error, key));
		if (failure) {
			outcomes.set(key, { ok: false, error: failure });
			continue;
		}
		const total = pick(batch.result_total, key);
		const next = pick(batch.result_next, key);
		outcomes.set(key, {
			ok: true,
			result: pick(batch.result, key),
			...(typeof total === 'number' ? { total } : {}),
			...(typeof next === 'number' ? { next } : {}),
		});
	}
	return outcomes;
}
