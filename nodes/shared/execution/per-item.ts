import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asItemError, errorItem, resultItems } from './item-errors';

/**
 * Runs one call per input item. A failure stops the node with the item's number, or, with
 * "continue on fail", becomes an error item in that item's place. Every output names its item.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	return await runPerItemToItems(context, async (itemIndex) =>
		resultItems(await handler(itemIndex), itemIndex),
	);
}

/** As `runPerItem`, for handlers that build whole items (binary data); they set `pairedItem`. */
export async function runPerItemToItems(
	context: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const count = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			output.push(...(await handler(itemIndex)));
		} catch (error) {
			const itemError = asItemError(context, error, itemIndex);
			if (!context.continueOnFail()) throw itemError;
			output.push(errorItem(itemError, itemIndex));
		}
	}
	return output;
}
