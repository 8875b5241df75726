import { defineResource } from '../../../shared/execution/resources';
import * as close from './close.operation';
import * as getMany from './getMany.operation';
import * as handOverToAnySpecialist from './handOverToAnySpecialist.operation';
import * as handOverToSpecialist from './handOverToSpecialist.operation';
import * as transferToLine from './transferToLine.operation';

export const treatment = defineResource(
	{
		name: 'Treatment',
		value: 'treatment',
		description:
			"A client's conversation in a service line: hand over, move to another line, close, list (push API)",
	},
	[getMany, handOverToAnySpecialist, handOverToSpecialist, transferToLine, close],
	'handOverToAnySpecialist',
);
