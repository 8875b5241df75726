import { defineResource } from '../../../shared/execution/resources';
import * as complete from './complete.operation';
import * as createTodo from './createTodo.operation';
import * as getAll from './getAll.operation';

export const activity = defineResource(
	{ name: 'Activity', value: 'activity' },
	[complete, createTodo, getAll],
	'createTodo',
);
