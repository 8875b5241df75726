import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runBatchedAcrossItems } from '../../../shared/execution/batch-across-items';
import { apiError } from '../../../shared/errors/node-errors';
import { oneCSoapCall, resultCodeError } from '../../transport';
import type { XdtoJson } from '../../xdto/codec';
import type { OperationSpec } from '../operation-spec';
import { paramsOf, xdtoTypesOf } from './parameters';

interface RowResult {
	ResultCode: string;
	ResultData: XdtoJson;
}

/**
 * Add/Edit/Delete across input items: each item is one ValueTable row, at most `batchSize` rows
 * per call, calls one after another (the vendor counts calls per hour). Result row i belongs to
 * request row i; a failed row fails only its item.
 */
export async function runBatch(
	this: IExecuteFunctions,
	spec: OperationSpec,
): Promise<INodeExecutionData[]> {
	const rows = new Map<string, IDataObject>();
	return await runBatchedAcrossItems<RowResult>(this, {
		keysOf: (itemIndex) => {
			rows.set(String(itemIndex), paramsOf(this, spec, itemIndex));
			return [String(itemIndex)];
		},
		fetchChunk: async (keys) => {
			const table = keys.map((key) => rows.get(key) as IDataObject);
			const reply = await oneCSoapCall(this, {
				operation: spec.soap,
				params: table,
				types: xdtoTypesOf(spec),
				idempotent: false,
			});
			if (reply.kind === 'plain') return new Map();
			if (reply.resultCode !== 'SUCCESS') {
				throw resultCodeError(this, spec.soap, reply.resultCode, reply.resultData);
			}
			const results = readRowResults(reply.resultData, keys.length);
			if (!results) {
				throw apiError(this.getNode(), {
					message: `${spec.soap} answered ${Array.isArray(reply.resultData) ? reply.resultData.length : 'no'} result rows for ${keys.length} rows sent`,
					description:
						'The rows cannot be matched to items; check the objects in the 1C-Connect personal account before sending again.',
				});
			}
			return new Map(keys.map((key, index) => [key, results[index]]));
		},
		toOutput: (key, result) => {
			const itemIndex = Number(key);
			if (!result) {
				throw apiError(this.getNode(), {
					message: `${spec.soap} gave no result for item ${itemIndex}`,
					description: 'Check the object in the 1C-Connect personal account.',
					itemIndex,
				});
			}
			if (result.ResultCode !== 'SUCCESS') {
				throw resultCodeError(this, spec.soap, result.ResultCode, result.ResultData, itemIndex);
			}
			return outputOf(spec, rows.get(key) as IDataObject, result.ResultData);
		},
		maxBatchSize: spec.batchSize ?? 100,
		concurrency: 1,
	});
}

function readRowResults(data: XdtoJson, count: number): RowResult[] | undefined {
	if (!Array.isArray(data) || data.length !== count) return undefined;
	return data.map((row) => {
		const fields = (row ?? {}) as Record<string, XdtoJson>;
		return { ResultCode: String(fields.ResultCode ?? ''), ResultData: fields.ResultData ?? null };
	});
}

function outputOf(spec: OperationSpec, sent: IDataObject, data: XdtoJson): IDataObject {
	if (spec.batchOutput === 'deleted') return { deleted: true };
	const answered = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
	return { ...sent, ...(answered as IDataObject) };
}
