import { defineResource } from '../../../shared/execution/resources';
import * as getAll from './getAll.operation';
import * as start from './start.operation';
import * as terminate from './terminate.operation';

export const businessProcess = defineResource(
	{ name: 'Business Process', value: 'businessProcess' },
	[getAll, start, terminate],
	'start',
);
