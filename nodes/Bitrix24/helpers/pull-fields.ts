import type { INode } from 'n8n-workflow';

import { inputError, itemName } from '../../shared/errors/node-errors';

interface Rule {
	pattern: RegExp;
	what: string;
	hint: string;
}

const COMMAND: Rule = {
	pattern: /^[\w:|.-]+$/,
	what: 'a valid event command',
	hint: 'A command may hold only letters, digits, _, :, |, . and -, such as dealChanged or order:paid.',
};

const MODULE_ID: Rule = {
	pattern: /^[a-z0-9._]+$/,
	what: 'a valid module ID',
	hint: 'A module ID may hold only lowercase letters, digits, dots and underscores, such as application or my_app.',
};

/** The patterns pull.application.event.add checks on the server, checked before sending. */
function check(node: INode, rule: Rule, value: unknown, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (rule.pattern.test(text)) return text;
	throw inputError(
		node,
		`"${text}" is not ${rule.what} (${itemName(itemIndex)})`,
		rule.hint,
		itemIndex,
	);
}

export const checkCommand = (node: INode, value: unknown, itemIndex: number) =>
	check(node, COMMAND, value, itemIndex);

export const checkModuleId = (node: INode, value: unknown, itemIndex: number) =>
	check(node, MODULE_ID, value, itemIndex);

/** A comma list, a number or an array of positive user IDs; empty gives an empty list. */
export function userIds(node: INode, value: unknown, itemIndex: number): number[] {
	const parts = (Array.isArray(value) ? value : [value])
		.flatMap((part) => (typeof part === 'string' ? part.split(/[\s,;]+/) : [part]))
		.filter((part) => part !== '' && part !== null && part !== undefined);
	return parts.map((part) => {
		const id = Number(part);
		if (!Number.isInteger(id) || id <= 0) {
			throw inputError(
				node,
				`"${String(part)}" is not a Bitrix24 user ID (${itemName(itemIndex)})`,
				'User IDs are positive whole numbers such as 1 or 15, separated by commas.',
				itemIndex,
			);
		}
		return id;
	});
}
