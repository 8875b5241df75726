import type { INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';

/** An ATI contact ID: the firm's ATI code, a dot and the contact number (123456.0). */
export const CONTACT_ID_PATTERN = '^\\d+\\.\\d+$';
const CONTACT_ID = new RegExp(CONTACT_ID_PATTERN);

/** A string (comma, semicolon or whitespace separated), a number, or an array of either. */
export function parseContactIds(node: INode, value: unknown, itemIndex: number): string[] {
	const parts = (Array.isArray(value) ? value : [value])
		.flatMap((part) => (typeof part === 'string' ? part.split(/[\s,;]+/) : [part]))
		.filter((part) => part !== '' && part !== null && part !== undefined);
	if (parts.length === 0) {
		throw inputError(
			node,
			'No contact IDs given',
			'Enter one or more ATI contact IDs such as 123456.0, separated by commas, or map an array of them.',
			itemIndex,
		);
	}
	return parts.map((part) => checkContactId(node, part, itemIndex));
}

export function checkContactId(node: INode, value: unknown, itemIndex: number): string {
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw inputError(
			node,
			`A contact ID must be text such as "123456.0", got ${JSON.stringify(value) ?? String(value)}`,
			'Map a string or a list of strings to Contact IDs.',
			itemIndex,
		);
	}
	const text = String(value).trim();
	if (CONTACT_ID.test(text)) return text;
	if (text === '') {
		throw inputError(
			node,
			'No contact ID given',
			"Pick a contact from the list (type the firm's ATI code), or enter its ID such as 123456.0.",
			itemIndex,
		);
	}
	const hint = /^\d+$/.test(text)
		? `Did you mean "${text}.0", the firm's main contact? An ATI contact ID is the firm's ATI code, a dot and the contact number.`
		: "An ATI contact ID is the firm's ATI code, a dot and the contact number, such as 123456.0.";
	throw inputError(node, `"${text}" is not an ATI contact ID`, hint, itemIndex);
}
