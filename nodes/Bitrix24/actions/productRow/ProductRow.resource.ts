import { defineResource } from '../../../shared/execution/resources';
import * as add from './add.operation';
import * as deleteRow from './delete.operation';
import * as getAll from './getAll.operation';
import * as set from './set.operation';
import * as update from './update.operation';

export const productRow = defineResource(
	{ name: 'Product Row', value: 'productRow' },
	[add, deleteRow, getAll, set, update],
	'getAll',
);
