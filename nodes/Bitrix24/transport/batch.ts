import type { IDataObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { quoteStart } from '../../shared/http/reply-body';
import { isPlainObject } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import { phpQuery } from '../helpers/php-query';
import { bitrixError, errorIn } from './errors';
import type { BitrixCall, BitrixTarget } from './index';
import { bitrixApiRequest } from './index';

/** Bitrix24 runs at most 50 commands per `batch` call. */
export const BATCH_SIZE = 50;
/** Batches in flight at once; the leaky bucket still paces them. */
export const BATCH_CONCURRENCY = 4;

export interface BatchCommand {
	key: string;
	method: string;
	params: IDataObject;
}

/** How the `batch` call itself is sent: `idempotent` only when every command in it reads. */
export type BatchRequest = Pick<
	BitrixCall,
	'idempotent' | 'timeoutMs' | 'maxReplyBytes' | 'limitsHint'
>;

export type CommandOutcome =
	| { ok: true; result: unknown; total?: number; next?: number }
	| { ok: false; error: Error };

type Keyed = Record<string, unknown> | unknown[] | undefined;

interface BatchResult {
	result?: Keyed;
	result_error?: Keyed;
	result_total?: Keyed;
	result_next?: Keyed;
}

/** Runs up to 50 commands in one `batch` call with `halt` off; each command gets its outcome. */
export async function runBatch(
	context: RequestContext,
	target: BitrixTarget,
	commands: BatchCommand[],
	request: BatchRequest,
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
		...request,
	});
	const batch = batchResult(context, reply.result, request.idempotent);

	const outcomes = new Map<string, CommandOutcome>();
	for (const { key, method } of commands) {
		const failure = errorIn(entry(batch.result_error, key));
		if (failure) {
			const error = bitrixError(context, {
				status: 0,
				reply: failure,
				text: '',
				attempts: 1,
				mode: target.mode,
				method,
			});
			outcomes.set(key, { ok: false, error });
			continue;
		}
		if (!hasEntry(batch.result, key)) {
			outcomes.set(key, { ok: false, error: noResult(context, key, method, batch, request) });
			continue;
		}
		const total = entry(batch.result_total, key);
		const next = entry(batch.result_next, key);
		outcomes.set(key, {
			ok: true,
			result: entry(batch.result, key),
			...(typeof total === 'number' ? { total } : {}),
			...(typeof next === 'number' ? { next } : {}),
		});
	}
	return outcomes;
}

/** Bitrix24 writes an empty keyed list as `[]` (PHP), so a list here holds no entries. */
function entry(from: Keyed, key: string): unknown {
	return hasEntry(from, key) ? (from as Record<string, unknown>)[key] : undefined;
}

function hasEntry(from: Keyed, key: string): boolean {
	return isPlainObject(from) && Object.prototype.hasOwnProperty.call(from, key);
}

/** The `result` of a batch reply: an object of keyed lists, or every command's error. */
function batchResult(context: RequestContext, value: unknown, idempotent: boolean): BatchResult {
	if (isPlainObject(value)) return value as BatchResult;
	throw apiError(context.getNode(), {
		message: `Bitrix24 answered batch with something other than the results of its commands: ${quoteStart(JSON.stringify(value) ?? '')}`,
		description:
			'A batch reply holds "result" with one entry per command; check the portal address in the credential, or try again later.',
		mayHaveApplied: idempotent ? undefined : 'Bitrix24',
	});
}

/** The batch ran, but its reply says nothing of this command: never an empty success. */
function noResult(
	context: RequestContext,
	key: string,
	method: string,
	batch: BatchResult,
	request: BatchRequest,
) {
	const answered = isPlainObject(batch.result) ? Object.keys(batch.result) : [];
	return apiError(context.getNode(), {
		message: `Bitrix24 returned no result for command ${key} (${method}) of its batch`,
		description: `The batch reply held ${answered.length > 0 ? `results for ${answered.slice(0, 5).join(', ')}${answered.length > 5 ? ', …' : ''} only` : 'no results'} and no error for this command.${request.idempotent ? ' Run the item again.' : ''}`,
		mayHaveApplied: request.idempotent ? undefined : 'Bitrix24',
	});
}
