import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Makes any failure an n8n node error that names the item it belongs to. */
export function asItemError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const pinned = error.context.itemIndex;
		if (pinned !== undefined && pinned !== itemIndex) return pinnedTo(error, itemIndex);
		error.context = { ...error.context, itemIndex };
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(context.getNode(), message, { itemIndex });
}

/**
 * The item `continueOnFail` puts where the failed item's results would have been. n8n keeps
 * `{error: message}` as its JSON and shows the attached error's details in the editor.
 */
export function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}

export function resultItems(
	results: IDataObject | IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	return (Array.isArray(results) ? results : [results]).map((json) => ({
		json,
		pairedItem: { item: itemIndex },
	}));
}

/** A copy for another item: one failed batch call fails every item that was in it. */
function pinnedTo<T extends NodeApiError | NodeOperationError>(error: T, itemIndex: number): T {
	const copy = Object.assign(Object.create(Object.getPrototypeOf(error)) as T, error);
	copy.message = error.message;
	copy.stack = error.stack;
	copy.context = { ...error.context, itemIndex };
	return copy;
}
