import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';

/** The point ID from the resource locator, whichever mode it was given in. */
export function pointIdOf(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('pointId', itemIndex, '', { extractValue: true });
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (id === '') {
		throw inputError(
			context.getNode(),
			'No integration point given',
			'Pick an integration point from the list, or enter its ID or API URL.',
			itemIndex,
		);
	}
	return id;
}
