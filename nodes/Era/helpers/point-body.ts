import type { IDataObject, INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';

/** Fields ERA refuses to change with PATCH. */
export const FROZEN_FIELDS = ['id', 'token_local'];

/** `opts` from the UI collection: `roles` arrives as JSON text. */
export function optsFrom(node: INode, opts: IDataObject, itemIndex: number): IDataObject {
	const result: IDataObject = { ...opts };
	if (typeof result.roles === 'string') {
		result.roles = parseJsonField(node, result.roles, 'Roles (JSON)', itemIndex) as IDataObject;
	}
	return result;
}

export function parseJsonField(
	node: INode,
	text: string,
	name: string,
	itemIndex: number,
): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw inputError(
			node,
			`${name} is not valid JSON`,
			`Enter valid JSON in "${name}", or clear it.`,
			itemIndex,
		);
	}
}

/** The other fields given as a JSON object (or an object from an expression). */
export function otherFieldsFrom(node: INode, value: unknown, itemIndex: number): IDataObject {
	if (value === undefined || value === '' || value === null) return {};
	const parsed =
		typeof value === 'string'
			? parseJsonField(node, value, 'Other Fields (JSON)', itemIndex)
			: value;
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw inputError(
			node,
			'Other Fields (JSON) must be a JSON object',
			'Enter an object of integration_point fields, such as {"url": "https://example.com"}.',
			itemIndex,
		);
	}
	return parsed as IDataObject;
}

/** Refuses a PATCH body that would change `id` or `token_local`, before any request. */
export function checkPatchable(node: INode, body: IDataObject, itemIndex: number): IDataObject {
	const frozen = FROZEN_FIELDS.filter((field) => field in body);
	if (frozen.length > 0) {
		throw inputError(
			node,
			`ERA does not allow changing ${frozen.join(' or ')} of an integration point`,
			'Remove these fields from the update. To get a new ID or local token, create a new integration point and delete the old one.',
			itemIndex,
		);
	}
	if (Object.keys(body).length === 0) {
		throw inputError(
			node,
			'Nothing to update',
			'Add at least one field under "Update Fields".',
			itemIndex,
		);
	}
	return body;
}
