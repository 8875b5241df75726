import { defineResource } from '../../../shared/execution/resources';
import * as execute from './execute.operation';

export const customOperation = defineResource(
	{ name: 'Custom Operation', value: 'customOperation' },
	[execute],
	'execute',
);
