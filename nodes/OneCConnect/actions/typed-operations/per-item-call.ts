import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { PerItemOptions } from '../../../shared/execution/per-item';
import { runPerItem, runPerItemToItems } from '../../../shared/execution/per-item';
import { ONE_C_READ_CONCURRENCY, oneCApiRequest } from '../../transport';
import type { XdtoJson } from '../../xdto/codec';
import type { OperationSpec } from '../operation-spec';
import { runsSideBySide } from '../operation-spec';
import { uploadParameters } from '../parameters/binary-fields';
import { asPlainParameters, paramsOf, xdtoTypesOf } from '../parameters/item-params';
import { timeoutMsOf } from '../parameters/request-timeout';
import { fileOutput } from './file-output';

/**
 * One call per item: reads (rows → items, Return All / Limit), single calls and file downloads.
 * Calls that only read run side by side; the others one at a time, in order.
 */
export async function runPerItemCall(
	context: IExecuteFunctions,
	spec: OperationSpec,
): Promise<INodeExecutionData[]> {
	const options: PerItemOptions = runsSideBySide(spec)
		? { concurrency: ONE_C_READ_CONCURRENCY }
		: { effect: 'write' };
	if (spec.file) {
		return await runPerItemToItems(
			context,
			async (itemIndex) => [
				await fileOutput(context, spec, await callForItem(context, spec, itemIndex), itemIndex),
			],
			options,
		);
	}
	return await runPerItem(
		context,
		async (itemIndex) => {
			const rows = rowsOf(await callForItem(context, spec, itemIndex));
			if (spec.kind !== 'read' || context.getNodeParameter('returnAll', itemIndex, false)) {
				return rows;
			}
			return rows.slice(0, context.getNodeParameter('limit', itemIndex, 50) as number);
		},
		options,
	);
}

async function callForItem(
	context: IExecuteFunctions,
	spec: OperationSpec,
	itemIndex: number,
): Promise<XdtoJson> {
	const params = paramsOf(context, spec, itemIndex);
	if (spec.uploadsFile) Object.assign(params, await uploadParameters(context, itemIndex));
	return await oneCApiRequest(context, {
		operation: spec.soap,
		...(spec.plainParameters
			? { plain: asPlainParameters(params) }
			: { params, types: xdtoTypesOf(spec) }),
		effect: spec.effect,
		expectsTable: spec.kind === 'read' && !spec.file,
		itemIndex,
		timeoutMs: timeoutMsOf(context, itemIndex),
	});
}

function rowsOf(result: XdtoJson): IDataObject[] {
	if (Array.isArray(result)) {
		return result.map((row) =>
			row !== null && typeof row === 'object' && !Array.isArray(row)
				? (row as IDataObject)
				: { value: row },
		);
	}
	if (result !== null && typeof result === 'object') return [result as IDataObject];
	if (result === null || result === true) return [{ success: true }];
	return [{ result }];
}
