import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiError } from '../../../shared/errors/node-errors';

export const notFoundOption: INodeProperties = {
	displayName: 'When Not Found',
	name: 'onNotFound',
	type: 'options',
	default: 'error',
	options: [
		{ name: 'Fail', value: 'error', description: 'Stop with an error (or an error item)' },
		{
			name: 'Return Empty Result',
			value: 'empty',
			description: 'Output an item saying nothing was found',
		},
	],
};

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
