import type { INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';

/** The states `wp_setuserstate` accepts, by the names users and Oktell use for them. */
const STATE_IDS: Record<string, number> = {
	ready: 1,
	usready: 1,
	break: 2,
	lunch: 2,
	uslunch: 2,
	notatplace: 3,
	away: 3,
	off: 3,
	busy: 5,
	usfullbusy: 5,
};
const SETTABLE = new Set([1, 2, 3, 5]);

/** The state id to send, or undefined to leave the state alone. */
export function stateIdOf(node: INode, value: unknown, itemIndex: number): number | undefined {
	const text = String(value ?? '').trim();
	if (text === '' || text === 'keep') return undefined;
	const id = /^\d+$/.test(text)
		? Number(text)
		: STATE_IDS[text.replace(/[\s_-]/g, '').toLowerCase()];
	if (id !== undefined && SETTABLE.has(id)) return id;
	throw inputError(
		node,
		`"${text}" is not a user state Oktell can set`,
		'Use Ready (1), Break (2), Not at Place (3) or Busy (5). Other states (disconnected, reserved, no phone) are set by the server itself.',
		itemIndex,
	);
}
