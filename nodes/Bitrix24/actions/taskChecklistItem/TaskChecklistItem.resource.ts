import { defineResource } from '../../../shared/execution/resources';
import * as complete from './complete.operation';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export const taskChecklistItem = defineResource(
	{ name: 'Task Checklist Item', value: 'taskChecklistItem' },
	[complete, create, getAll],
	'create',
);
