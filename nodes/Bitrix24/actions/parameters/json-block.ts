import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';

/**
 * An optional JSON parameter that Bitrix24 takes as an object or a list (attachments, keyboards):
 * an object or list from an expression, or its JSON text; empty gives undefined.
 */
export function readJsonBlock(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): IDataObject | IDataObject[] | undefined {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw blockError(context, label, itemIndex, `is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (parsed === undefined || parsed === null) return undefined;
	if (typeof parsed === 'object') return parsed as IDataObject | IDataObject[];
	throw blockError(
		context,
		label,
		itemIndex,
		`must be a JSON object or list, not ${typeof parsed}`,
	);
}

function blockError(context: IExecuteFunctions, label: string, itemIndex: number, what: string) {
	return inputError(
		context.getNode(),
		`"${label}" in ${itemName(itemIndex)} ${what}`,
		`Write "${label}" as JSON, such as [{"MESSAGE": "Text"}], or leave it empty.`,
		itemIndex,
	);
}
