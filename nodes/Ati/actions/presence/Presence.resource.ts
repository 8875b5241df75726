import { defineResource } from '../../../shared/execution/resources';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const presence = defineResource(
	{ name: 'Presence', value: 'presence' },
	[get, getMany],
	'get',
);
