import { defineResource } from '../../../shared/execution/resources';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as lookup from './lookup.operation';
import * as update from './update.operation';

export const integrationPoint = defineResource(
	{ name: 'Integration Point', value: 'integrationPoint' },
	[create, del, get, getMany, lookup, update],
	'get',
);
