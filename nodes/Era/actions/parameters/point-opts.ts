import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { inputError, itemName } from '../../../shared/errors/node-errors';

const ROLES = 'Roles (JSON)';

/** The `opts` object of an integration_point. */
export const pointOpts: INodeProperties = {
	displayName: 'Point Options (Opts)',
	name: 'opts',
	type: 'collection',
	placeholder: 'Add Point Option',
	default: {},
	options: [
		{
			displayName: 'Allow Files API',
			name: 'allow_files_api',
			type: 'boolean',
			default: false,
			description: 'Whether the point may use the files API (opts.allow_files_api)',
		},
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Receive Timeout',
			name: 'recv_timeout',
			type: 'number',
			default: 0,
			description: 'The opts.recv_timeout field',
		},
		{
			displayName: 'Roles (JSON)',
			name: 'roles',
			type: 'json',
			default: '[]',
			description: 'The opts.roles field, as ERA expects it',
		},
		{
			displayName: 'Synchronous',
			name: 'issync',
			type: 'boolean',
			default: false,
			description: 'Whether the point works synchronously (opts.issync)',
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
		},
		{
			displayName: 'User ID',
			name: 'userid',
			type: 'string',
			default: '',
			description: 'The opts.userid field',
		},
	],
};

/** `opts` from the UI collection: `roles` arrives as JSON text. */
export function optsFrom(node: INode, opts: IDataObject, itemIndex: number): IDataObject {
	const { roles, ...result } = opts;
	const parsed = readRoles(node, roles, itemIndex);
	return parsed === undefined ? result : { ...result, roles: parsed };
}

/**
 * ERA's `roles` may be a list or an object, so the shared object-only reader does not fit; errors
 * keep its shape. Empty text and null leave `roles` out.
 */
function readRoles(node: INode, value: unknown, itemIndex: number): unknown {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw rolesError(node, `is not valid JSON: ${(error as Error).message}`, itemIndex);
		}
	}
	if (parsed === undefined || parsed === null) return undefined;
	if (typeof parsed === 'object') return parsed;
	throw rolesError(node, `must be a JSON list or object, not ${typeof parsed}`, itemIndex);
}

function rolesError(node: INode, problem: string, itemIndex: number) {
	return inputError(
		node,
		`"${ROLES}" in ${itemName(itemIndex)} ${problem}`,
		`Write "${ROLES}" as a JSON list or object, such as [] or {}.`,
		itemIndex,
	);
}
