import { defineResource } from '../../../shared/execution/resources';
import * as getMany from './getMany.operation';

export const line = defineResource(
	{
		name: 'Line',
		value: 'line',
		description: 'Service lines for bots and specialists (push API)',
	},
	[getMany],
);
