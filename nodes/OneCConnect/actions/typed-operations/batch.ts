import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runChunkedAcrossItems } from '../../../shared/execution/across-items';
import { apiError, itemName } from '../../../shared/errors/node-errors';
import { quoteStart } from '../../../shared/http/reply-body';
import { isPlainObject } from '../../../shared/http/reply-shape';
import { oneCSoapCall, resultCodeError } from '../../transport';
import { fromResultData } from '../../transport/soap-envelope';
import type { XdtoJson } from '../../xdto/codec';
import type { OperationSpec } from '../operation-spec';
import { paramsOf, xdtoTypesOf } from '../parameters/item-params';
import { timeoutMsOf } from '../parameters/request-timeout';

const VENDOR = '1C-Connect';

/** One result row, or what the reply held in its place (quoted in that item's error). */
type RowResult = { ResultCode: string; ResultData: XdtoJson } | { unreadable: string };

/**
 * Add/Edit/Delete across input items: each item is one ValueTable row, at most `batchSize` rows
 * per call, calls one after another (the vendor counts calls per hour). Result row i belongs to
 * request row i; a failed row fails only its item. A call that changed something is never sent
 * twice: when its reply cannot be matched to the rows, each item says to check 1C-Connect.
 */
export async function runBatch(
	context: IExecuteFunctions,
	spec: OperationSpec,
): Promise<INodeExecutionData[]> {
	return await runChunkedAcrossItems<IDataObject, RowResult | undefined>(context, {
		rowOf: (itemIndex) => paramsOf(context, spec, itemIndex),
		sendChunk: async (table, itemIndexes) => {
			const reply = await oneCSoapCall(context, {
				operation: spec.soap,
				params: table,
				types: xdtoTypesOf(spec),
				effect: spec.effect,
				timeoutMs: timeoutMsOf(context, itemIndexes[0]),
			});
			if (reply.kind === 'plain') return table.map(() => undefined);
			if (reply.resultCode !== 'SUCCESS') {
				throw resultCodeError(context, spec.soap, reply.resultCode, reply.resultData);
			}
			const results = reply.resultData;
			if (!Array.isArray(results) || results.length !== table.length) {
				throw apiError(context.getNode(), {
					message: `${spec.soap} answered ${Array.isArray(results) ? results.length : 'no'} result rows for ${table.length} rows sent: ${quoteStart(fromResultData(reply.text))}`,
					description: 'The rows cannot be matched to items.',
					mayHaveApplied: spec.effect === 'read' ? undefined : VENDOR,
				});
			}
			return results.map(rowResult);
		},
		toOutput: (result, itemIndex, sent) => {
			if (!result || 'unreadable' in result) {
				throw apiError(context.getNode(), {
					message: result
						? `${spec.soap} answered the row of ${itemName(itemIndex)} with something other than a result: ${quoteStart(result.unreadable)}`
						: `${spec.soap} gave no result for ${itemName(itemIndex)}`,
					description: 'Check the object in the 1C-Connect personal account.',
					itemIndex,
					mayHaveApplied: spec.effect === 'read' ? undefined : VENDOR,
				});
			}
			if (result.ResultCode !== 'SUCCESS') {
				throw resultCodeError(context, spec.soap, result.ResultCode, result.ResultData, itemIndex);
			}
			return outputOf(spec, sent, result.ResultData);
		},
		maxChunkSize: spec.batchSize ?? 100,
		concurrency: 1,
	});
}

function rowResult(row: XdtoJson): RowResult {
	if (!isPlainObject(row) || typeof row.ResultCode !== 'string' || row.ResultCode === '') {
		return { unreadable: JSON.stringify(row) ?? String(row) };
	}
	return { ResultCode: row.ResultCode, ResultData: (row.ResultData as XdtoJson) ?? null };
}

function outputOf(spec: OperationSpec, sent: IDataObject, data: XdtoJson): IDataObject {
	if (spec.batchOutput === 'deleted') return { deleted: true };
	const answered = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
	return { ...sent, ...(answered as IDataObject) };
}
