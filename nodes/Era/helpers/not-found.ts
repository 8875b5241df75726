import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiError, inputError } from '../../shared/errors/node-errors';

/** A required text parameter, trimmed; empty fails the item with what to enter. */
export function requiredText(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	message: string,
	hint: string,
): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') throw inputError(context.getNode(), message, hint, itemIndex);
	return value;
}

/** What "When Not Found" asks for: the empty result, or an error naming what was not found. */
export function whenNotFound(
	context: IExecuteFunctions,
	itemIndex: number,
	emptyResult: IDataObject,
	message: string,
): IDataObject {
	if (context.getNodeParameter('onNotFound', itemIndex, 'error') === 'empty') return emptyResult;
	throw apiError(context.getNode(), {
		message,
		description: 'Check the value, or set "When Not Found" to "Return Empty Result".',
		httpCode: 404,
		itemIndex,
	});
}
