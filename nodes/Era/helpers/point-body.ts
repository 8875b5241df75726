import type { IDataObject, INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';

/** Fields ERA refuses to change with PATCH. */
export const FROZEN_FIELDS = ['id', 'token_local'];

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
