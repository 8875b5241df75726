import type { IPollFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors/node-errors';

/**
 * 1C-Connect reads ChangedFrom and PeriodFrom as wall-clock times in the cabinet's API time zone.
 * A zone behind the cabinet's only widens the window (rows seen already are not emitted again);
 * a zone ahead of it moves the period into the future, where nothing is ever found. UTC is behind
 * or equal to every zone of the countries 1C-Connect serves, so it is the default.
 */
export const SAFE_API_TIME_ZONE = 'UTC';

export function apiTimeZoneOf(context: IPollFunctions): string {
	const timeZone = String(context.getNodeParameter('options.timeZone', '') ?? '').trim();
	if (timeZone === '') return SAFE_API_TIME_ZONE;
	try {
		new Intl.DateTimeFormat('en-GB', { timeZone });
	} catch {
		throw inputError(
			context.getNode(),
			`"${timeZone}" is not a time zone`,
			'Set "API Time Zone" to a zone name such as Europe/Moscow (the one in the personal account\'s API settings), or leave it at UTC.',
		);
	}
	return timeZone;
}
