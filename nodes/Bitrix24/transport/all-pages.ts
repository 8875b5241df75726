import type { IDataObject } from 'n8n-workflow';

import { apiError } from '../../shared/errors/node-errors';
import { MAX_PAGES } from '../../shared/http/page-guard';
import type { RequestContext } from '../../shared/http/vendor-request';
import type { BatchCommand } from './batch';
import { BATCH_SIZE, PAGE_SIZE, rowId, runBatch } from './batch';
import type { BitrixTarget, CallLimits } from './index';
import { pageRecords } from './index';

export interface WholeRead {
	key: string;
	method: string;
	params: IDataObject;
	/** A list: every page is read and the rows joined. Otherwise the one result is kept. */
	paged?: boolean;
}

/**
 * Reads that must be whole (a directory, a field list, the portal's users): the first page of
 * each in one `batch`, then every remaining page 50 to a batch by `start=` offsets. A failed
 * command throws. Rows read twice (same ID) are kept once; the page count is capped.
 */
export async function readWhole(
	context: RequestContext,
	target: BitrixTarget,
	reads: WholeRead[],
	request: CallLimits,
): Promise<Map<string, unknown>> {
	const results = new Map<string, unknown>();
	if (reads.length === 0) return results;
	const first = await runBatch(context, target, reads, { ...request, effect: 'read' });
	const more: Array<BatchCommand & { of: string }> = [];
	for (const read of reads) {
		const outcome = first.get(read.key);
		if (!outcome?.ok) throw outcome?.error ?? new Error(`No result for ${read.method}`);
		if (!read.paged) {
			results.set(read.key, outcome.result);
			continue;
		}
		results.set(read.key, [...pageRecords(outcome.result)]);
		if (typeof outcome.next !== 'number' || typeof outcome.total !== 'number') continue;
		if (outcome.total / PAGE_SIZE > MAX_PAGES) throw tooLong(context, read.method, outcome.total);
		for (let start = outcome.next; start < outcome.total; start += PAGE_SIZE) {
			more.push({
				key: `${read.key}_${start}`,
				of: read.key,
				method: read.method,
				params: { ...read.params, start },
			});
		}
	}
	for (let at = 0; at < more.length; at += BATCH_SIZE) {
		const part = more.slice(at, at + BATCH_SIZE);
		const outcomes = await runBatch(context, target, part, { ...request, effect: 'read' });
		for (const command of part) {
			const outcome = outcomes.get(command.key);
			if (!outcome?.ok) throw outcome?.error ?? new Error(`No result for ${command.method}`);
			(results.get(command.of) as unknown[]).push(...pageRecords(outcome.result));
		}
	}
	for (const read of reads)
		if (read.paged) results.set(read.key, onceEach(results.get(read.key) as unknown[]));
	return results;
}

function onceEach(rows: unknown[]): unknown[] {
	const seen = new Set<string>();
	return rows.filter((row) => {
		const id = rowId(row);
		if (id === undefined) return true;
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}

function tooLong(context: RequestContext, method: string, total: number) {
	return apiError(context.getNode(), {
		message: `Bitrix24 reports ${total} rows for ${method}, more than the node reads at once`,
		description: 'Check the portal address in the credential; no real list is that long.',
	});
}
