import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';

/** A text parameter that must not be empty; empty fails the item with what to enter. */
export function requiredText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	what: string,
	hint: string,
): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value !== '') return value;
	throw inputError(context.getNode(), `No ${what} given`, hint, itemIndex);
}
