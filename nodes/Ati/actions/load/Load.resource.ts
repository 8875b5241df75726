import { defineResource } from '../../../shared/execution/resources';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getResponses from './getResponses.operation';
import * as renew from './renew.operation';
import * as update from './update.operation';

export const load = defineResource(
	{ name: 'Load', value: 'load', description: 'A load (груз) the firm publishes on the exchange' },
	[create, get, getMany, update, deleteOperation, renew, getResponses],
	'create',
);
