import { defineResource } from '../../../shared/execution/resources';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export const taskComment = defineResource({ name: 'Task Comment', value: 'taskComment' }, [
	create,
	getAll,
]);
