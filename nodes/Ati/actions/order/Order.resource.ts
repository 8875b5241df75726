import { defineResource } from '../../../shared/execution/resources';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as invite from './invite.operation';

export const order = defineResource(
	{ name: 'Order', value: 'order', description: 'An order (заказ) made from a load' },
	[get, getMany, invite],
	'get',
);
