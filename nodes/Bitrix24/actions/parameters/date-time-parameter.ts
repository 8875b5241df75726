import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { toBitrixDateTime } from '../../crm/date-values';
import { attempt } from '../../crm/field-problem';

/**
 * A date and time a form field or an expression gives (text, a date picker's value, an n8n date),
 * as Bitrix24 takes it: `YYYY-MM-DDThh:mm:ss±hh:mm`, read in the workflow's time zone when the
 * value names none.
 */
export function bitrixDateTimeOf(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string {
	const outcome = attempt(() => toBitrixDateTime(value, context.getTimezone()));
	if ('problem' in outcome) {
		throw inputError(
			context.getNode(),
			`"${label}" in item ${itemIndex} ${outcome.problem.what}`,
			outcome.problem.hint,
			itemIndex,
		);
	}
	return outcome.value;
}
