import type { IDataObject, INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';

/** A parameter that must be a JSON object: an object from an expression, or its JSON text. */
export function jsonObject(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw inputError(
				node,
				`${field} is not valid JSON (item ${itemIndex + 1})`,
				`Fix the JSON in ${field}: ${(error as Error).message}. Example: {"filter": {">ID": 10}, "select": ["ID", "TITLE"]}`,
				itemIndex,
			);
		}
	}
	if (parsed === undefined || parsed === null) return {};
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw inputError(
			node,
			`${field} must be a JSON object (item ${itemIndex + 1})`,
			`Give ${field} as an object such as {"id": 1}, not ${Array.isArray(parsed) ? 'an array' : typeof parsed}.`,
			itemIndex,
		);
	}
	return parsed as IDataObject;
}
