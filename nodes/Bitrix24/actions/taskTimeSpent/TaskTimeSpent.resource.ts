import { defineResource } from '../../../shared/execution/resources';
import * as create from './create.operation';

export const taskTimeSpent = defineResource({ name: 'Task Time Spent', value: 'taskTimeSpent' }, [
	create,
]);
