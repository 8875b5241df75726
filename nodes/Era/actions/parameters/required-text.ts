import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

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
