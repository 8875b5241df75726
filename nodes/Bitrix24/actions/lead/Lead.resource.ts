import { defineResource } from '../../../shared/execution/resources';
import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as findByPhoneOrEmail from './findByPhoneOrEmail.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const lead = defineResource({ name: 'Lead', value: 'lead' }, [
	create,
	deleteRecord,
	findByPhoneOrEmail,
	get,
	getAll,
	update,
	upsert,
]);
