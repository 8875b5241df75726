import { defineResource } from '../../../shared/execution/resources';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export const timelineComment = defineResource(
	{ name: 'Timeline Comment', value: 'timelineComment' },
	[create, getAll],
);
