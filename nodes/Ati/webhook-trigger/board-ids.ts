import type { IHookFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';
import { BOARD_TOPICS } from '../transport/webhooks';

/** ATI's board IDs are strings of 24 characters (its boards API), such as 507f1f77bcf86cd799439011. */
const BOARD_ID = /^[0-9A-Za-z]{24}$/;

/** The boards a board topic follows; none for the other topics. */
export function boardIdsOf(context: IHookFunctions, topic: string): string[] {
	if (!BOARD_TOPICS.includes(topic)) return [];
	const ids = String(context.getNodeParameter('boardIds', ''))
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	const bad = ids.find((id) => !BOARD_ID.test(id));
	if (ids.length === 0 || bad !== undefined) {
		throw inputError(
			context.getNode(),
			bad === undefined ? 'No board given for Loads on Boards' : `"${bad}" is not an ATI board ID`,
			'Enter the IDs of the personal boards (площадки) to follow, separated by commas: 24 letters and digits each, as ATI shows them.',
		);
	}
	return ids;
}
