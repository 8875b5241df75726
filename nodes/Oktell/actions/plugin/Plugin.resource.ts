import { defineResource } from '../../../shared/execution/resources';

import * as executeMethod from './executeMethod.operation';

export const plugin = defineResource(
	{ name: 'Plugin', value: 'plugin' },
	[executeMethod],
	'executeMethod',
);
