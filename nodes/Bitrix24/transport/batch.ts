import type { IDataObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { quoteStart } from '../../shared/http/reply-body';
import { MAX_PAGES, PageGuard } from '../../shared/http/page-guard';
import { isPlainObject } from '../../shared/http/reply-shape';
import type { RequestContext } from '../../shared/http/vendor-request';
import { phpQuery } from '../helpers/php-query';
import { bitrixError, errorIn } from './errors';
import type { BitrixCall, BitrixTarget, CallEffect, CallLimits } from './index';
import { bitrixApiRequest, pageRecords } from './index';
import { safeToRepeat } from '../../shared/http/safe-to-repeat';

/** Bitrix24 runs at most 50 commands per `batch` call. */
export const BATCH_SIZE = 50;
/** Batches in flight at once; the leaky bucket still paces them. */
export const BATCH_CONCURRENCY = 4;

export interface BatchCommand {
	key: string;
	method: string;
	params: IDataObject;
}

/** How the `batch` call itself is sent: a read only when every command in it reads. */
export type BatchRequest = CallLimits & CallEffect;

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
	const batch = batchResult(context, reply.result, safeToRepeat(request));

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

/** A command as the operations give it: the batch transport names it. */
export type UnnamedCommand = Omit<BatchCommand, 'key'>;

/**
 * One command per item, in one `batch` call; the outcomes come back in the commands' order.
 * Bitrix24 wants each command named: the name, `item` and the item's number, only labels the
 * command for Bitrix24 and for the error that quotes it.
 */
export async function runItemBatch(
	context: RequestContext,
	target: BitrixTarget,
	commands: Array<UnnamedCommand & { itemIndex: number }>,
	request: BatchRequest,
): Promise<CommandOutcome[]> {
	return await runInOrder(
		context,
		target,
		commands.map(({ itemIndex, method, params }) => ({
			key: `item${itemIndex}`,
			method,
			params,
		})),
		request,
	);
}

/**
 * Up to 50 commands in one `batch` call; the outcomes come back in the commands' order. The
 * names Bitrix24 wants, `c` and the command's place in this call, stay inside this call.
 */
export async function runCommandList(
	context: RequestContext,
	target: BitrixTarget,
	commands: UnnamedCommand[],
	request: BatchRequest,
): Promise<CommandOutcome[]> {
	return await runInOrder(
		context,
		target,
		commands.map(({ method, params }, position) => ({ key: `c${position}`, method, params })),
		request,
	);
}

async function runInOrder(
	context: RequestContext,
	target: BitrixTarget,
	named: BatchCommand[],
	request: BatchRequest,
): Promise<CommandOutcome[]> {
	const outcomes = await runBatch(context, target, named, request);
	return named.map(({ key }) => outcomes.get(key) as CommandOutcome);
}

/** Bitrix24 writes an empty keyed list as `[]` (PHP), so a list here holds no entries. */
function entry(from: Keyed, key: string): unknown {
	return hasEntry(from, key) ? (from as Record<string, unknown>)[key] : undefined;
}

function hasEntry(from: Keyed, key: string): boolean {
	return isPlainObject(from) && Object.prototype.hasOwnProperty.call(from, key);
}

/** The `result` of a batch reply: an object of keyed lists, or every command's error. */
function batchResult(context: RequestContext, value: unknown, safe: boolean): BatchResult {
	if (isPlainObject(value)) return value as BatchResult;
	throw apiError(context.getNode(), {
		message: `Bitrix24 answered batch with something other than the results of its commands: ${quoteStart(JSON.stringify(value) ?? '')}`,
		description:
			'A batch reply holds "result" with one entry per command; check the portal address in the credential, or try again later.',
		mayHaveApplied: safe ? undefined : 'Bitrix24',
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
		description: `The batch reply held ${answered.length > 0 ? `results for ${answered.slice(0, 5).join(', ')}${answered.length > 5 ? ', …' : ''} only` : 'no results'} and no error for this command.${safeToRepeat(request) ? ' Run the item again.' : ''}`,
		mayHaveApplied: safeToRepeat(request) ? undefined : 'Bitrix24',
	});
}

/** Rows per page of every Bitrix24 list method. */
export const PAGE_SIZE = 50;

/** A list read through the `>ID` chain: ordered by ID, `start=-1`, each page after the last ID. */
export interface IdChainList {
	method: string;
	/** filter, select and anything else the method takes; `order` and `start` are set here. */
	params: IDataObject;
	/** The ID's name in filter and order (`ID`), and in the rows answered (`ID`, or `id`). */
	idField: string;
	idKey: string;
	/** Where the rows are in the result (`items`, `tasks`), when not the result itself. */
	rowsKey?: string;
	itemIndex?: number;
}

const rowsOf = (result: unknown, rowsKey?: string): IDataObject[] => {
	const rows = rowsKey && isPlainObject(result) ? (result as IDataObject)[rowsKey] : result;
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
};

/**
 * Reads a list in batches of 50 pages chained by `$result[previous][49][ID]`: up to 2,500 rows a
 * request, without counting rows (`start=-1`). Each page starts after the last ID of the page
 * before, so records added or removed while paging neither shift nor repeat rows. The chain stops
 * at the first short page; the commands after it are not read, whatever they answered.
 */
export async function listByIdChain(
	context: RequestContext,
	target: BitrixTarget,
	list: IdChainList,
	request: CallLimits,
	limit = Infinity,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const filter = { ...((list.params.filter as IDataObject) ?? {}) };
	const moreKey = `>${list.idField}`;
	let after = Number(filter[moreKey] ?? 0) || 0;
	delete filter[moreKey];
	const guard = new PageGuard(context.getNode(), 'Bitrix24', undefined, list.itemIndex);
	const path = (key: string) =>
		`$result[${key}]${list.rowsKey ? `[${list.rowsKey}]` : ''}[${PAGE_SIZE - 1}][${list.idKey}]`;

	while (rows.length < limit) {
		guard.next(after);
		const pages = Math.min(BATCH_SIZE, Math.ceil((limit - rows.length) / PAGE_SIZE));
		const commands: BatchCommand[] = Array.from({ length: pages }, (_, index) => ({
			key: `p${index}`,
			method: list.method,
			params: {
				...list.params,
				filter: { ...filter, [moreKey]: index === 0 ? after : path(`p${index - 1}`) },
				order: { [list.idField]: 'ASC' },
				start: -1,
			},
		}));
		const outcomes = await runBatch(context, target, commands, { ...request, effect: 'read' });
		for (const { key } of commands) {
			const outcome = outcomes.get(key);
			if (!outcome?.ok) throw outcome?.error ?? new Error(`No outcome for page ${key}`);
			const page = rowsOf(outcome.result, list.rowsKey);
			for (const row of page) {
				const id = Number(row[list.idKey]);
				if (!(id > after)) throw notAfter(context, list, after, row[list.idKey]);
				after = id;
				rows.push(row);
			}
			if (page.length < PAGE_SIZE) return rows.slice(0, limit);
		}
	}
	return rows.slice(0, limit);
}

/** A page whose rows do not follow the last ID: reading on could repeat or skip rows. */
function notAfter(context: RequestContext, list: IdChainList, after: number, id: unknown) {
	return apiError(context.getNode(), {
		message: `Bitrix24 answered ${list.method} with a row (${list.idKey} ${JSON.stringify(id)}) that does not follow ${list.idKey} ${after}; reading was stopped`,
		description:
			'The list did not keep to the ID order the node asked for, so reading on could repeat or skip records. Try again, or narrow the filter.',
		itemIndex: list.itemIndex,
	});
}

/**
 * Reads a list by `start=` offsets: the first page gives `total`, then the remaining pages go 50
 * to a batch. Offsets move when records are added or removed meanwhile, so a row can be missed or
 * read twice; rows read twice (same ID) are dropped here, a missed row is not noticed.
 */
export async function listByStartPages(
	context: RequestContext,
	target: BitrixTarget,
	call: BitrixCall,
	limit = Infinity,
): Promise<unknown[]> {
	const first = await bitrixApiRequest(context, target, call);
	const rows = pageRecords(first.result);
	const total = typeof first.total === 'number' ? first.total : undefined;
	if (total === undefined || typeof first.next !== 'number' || rows.length === 0) {
		return rows.slice(0, limit);
	}
	const end = Math.min(total, limit);
	const starts: number[] = [];
	for (let start = first.next; start < end; start += PAGE_SIZE) starts.push(start);
	if (starts.length > MAX_PAGES) {
		throw apiError(context.getNode(), {
			message: `Bitrix24 reports ${total} rows for ${call.method}, more than the node reads at once`,
			description: 'Use a limit or a narrower filter instead of Return All.',
			itemIndex: call.itemIndex,
		});
	}
	const seen = new Set(rows.map(rowId));
	for (let at = 0; at < starts.length; at += BATCH_SIZE) {
		const commands = starts.slice(at, at + BATCH_SIZE).map((start) => ({
			key: `s${start}`,
			method: call.method,
			params: { ...call.params, start },
		}));
		const { timeoutMs, maxReplyBytes, limitsHint } = call;
		const outcomes = await runBatch(context, target, commands, {
			effect: safeToRepeat(call) ? 'read' : 'write',
			timeoutMs,
			maxReplyBytes,
			limitsHint,
		});
		for (const { key } of commands) {
			const outcome = outcomes.get(key);
			if (!outcome?.ok) throw outcome?.error ?? new Error(`No outcome for page ${key}`);
			for (const row of pageRecords(outcome.result)) {
				const id = rowId(row);
				if (id !== undefined && seen.has(id)) continue;
				if (id !== undefined) seen.add(id);
				rows.push(row);
			}
		}
	}
	return rows.slice(0, limit);
}

export function rowId(row: unknown): string | undefined {
	if (!isPlainObject(row)) return undefined;
	const id = (row as IDataObject).ID ?? (row as IDataObject).id;
	return id === undefined || id === null ? undefined : String(id);
}
