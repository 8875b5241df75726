import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

/** A portal object known by a number: picked From List (searchable), By ID, or By URL of its page. */
export interface NumberedObject {
	/** As the list's placeholder and the error name it: "task", "user". */
	noun: string;
	searchListMethod: string;
	idPlaceholder: string;
	urlPlaceholder: string;
	/** The page's address, with the number as its first group. */
	urlPattern: string;
	/** What the error tells the user to do. */
	fix: string;
}

export function numberedLocator(
	object: NumberedObject,
	property: Pick<INodeProperties, 'displayName' | 'name'> & Partial<INodeProperties>,
): INodeProperties {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...property,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${object.noun}...`,
				typeOptions: { searchListMethod: object.searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: object.idPlaceholder },
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: object.urlPlaceholder,
				extractValue: { type: 'regex', regex: object.urlPattern },
			},
		],
	};
}

/** The number the locator holds, or undefined when it is empty; anything else is the item's error. */
export function numberIn(
	context: IExecuteFunctions,
	object: NumberedObject,
	name: string,
	label: string,
	itemIndex: number,
): number | undefined {
	const text = String(
		context.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (text === '') return undefined;
	const id = new RegExp(object.urlPattern).exec(text)?.[1] ?? text;
	if (!/^\d+$/.test(id) || Number(id) <= 0) {
		throw inputError(
			context.getNode(),
			`"${label}" in item ${itemIndex} is not a ${object.noun} ID: ${JSON.stringify(text)}`,
			object.fix,
			itemIndex,
		);
	}
	return Number(id);
}

/** Like numberIn, for a locator that must be filled in. */
export function requiredNumberIn(
	context: IExecuteFunctions,
	object: NumberedObject,
	name: string,
	label: string,
	itemIndex: number,
): number {
	const id = numberIn(context, object, name, label, itemIndex);
	if (id !== undefined) return id;
	throw inputError(
		context.getNode(),
		`"${label}" in item ${itemIndex} is not a ${object.noun} ID: ""`,
		object.fix,
		itemIndex,
	);
}
