import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asItemError, errorItem } from '../../../shared/execution/item-errors';
import { timeoutMsOf } from '../../request-timeout';
import { oneCApiRequest } from '../../transport';
import type { XdtoJson } from '../../xdto/codec';
import type { OperationSpec } from '../operation-spec';
import { fileOutput, uploadParameters } from './files';
import { asPlainParameters, paramsOf, xdtoTypesOf } from './parameters';

/** One call per item: reads (rows → items, Return All / Limit) and single calls. */
export async function runPerItemCall(
	this: IExecuteFunctions,
	spec: OperationSpec,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		try {
			const results = await callForItem(this, spec, itemIndex);
			output.push(...results.map((result) => ({ ...result, pairedItem: { item: itemIndex } })));
		} catch (error) {
			const itemError = asItemError(this, error, itemIndex);
			if (!this.continueOnFail()) throw itemError;
			output.push(errorItem(itemError, itemIndex));
		}
	}
	return output;
}

async function callForItem(
	context: IExecuteFunctions,
	spec: OperationSpec,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const params = paramsOf(context, spec, itemIndex);
	if (spec.uploadsFile) Object.assign(params, await uploadParameters(context, itemIndex));
	const result = await oneCApiRequest(context, {
		operation: spec.soap,
		...(spec.plainParameters
			? { plain: asPlainParameters(params) }
			: { params, types: xdtoTypesOf(spec) }),
		idempotent: spec.idempotent,
		expectsTable: spec.kind === 'read' && !spec.file,
		itemIndex,
		timeoutMs: timeoutMsOf(context, itemIndex),
	});
	if (spec.file) return [await fileOutput(context, spec, result, itemIndex)];
	const items = itemsOf(result).map((json) => ({ json }));
	if (spec.kind !== 'read' || context.getNodeParameter('returnAll', itemIndex, false)) {
		return items;
	}
	return items.slice(0, context.getNodeParameter('limit', itemIndex, 50) as number);
}

function itemsOf(result: XdtoJson): IDataObject[] {
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
