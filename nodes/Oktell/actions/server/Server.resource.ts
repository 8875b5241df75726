import { defineResource } from '../../../shared/execution/resources';

import * as getVersion from './getVersion.operation';

export const server = defineResource(
	{ name: 'Server', value: 'server' },
	[getVersion],
	'getVersion',
);
