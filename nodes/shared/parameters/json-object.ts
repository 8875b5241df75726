import type { IDataObject, INode } from 'n8n-workflow';

import { inputError, itemName } from '../errors/node-errors';
import { isPlainObject } from '../http/reply-shape';

export interface JsonObjectField {
	/** The parameter's display name, as the user sees it. */
	label: string;
	/** A short valid example, shown in the error. */
	example: string;
}

/**
 * A parameter that must be a JSON object: an object from an expression, or its JSON text. Empty
 * text, null and undefined give `{}`. Anything else is the item's input error, in one shape for
 * every node.
 */
export function readJsonObject(
	node: INode,
	value: unknown,
	field: JsonObjectField,
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
				`"${field.label}" in ${itemName(itemIndex)} is not valid JSON: ${(error as Error).message}`,
				`Write "${field.label}" as a JSON object, such as ${field.example}.`,
				itemIndex,
			);
		}
	}
	if (parsed === undefined || parsed === null) return {};
	if (isPlainObject(parsed)) return parsed;
	throw inputError(
		node,
		`"${field.label}" in ${itemName(itemIndex)} must be a JSON object, not ${kindOf(parsed)}`,
		`Write "${field.label}" as a JSON object, such as ${field.example}.`,
		itemIndex,
	);
}

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return 'text';
	return `a ${typeof value}`;
}
