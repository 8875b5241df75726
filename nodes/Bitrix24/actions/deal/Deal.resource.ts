import { defineResource } from '../../../shared/execution/resources';
import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const deal = defineResource({ name: 'Deal', value: 'deal' }, [
	create,
	deleteRecord,
	get,
	getAll,
	update,
]);
