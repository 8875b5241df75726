import { defineResource } from '../../../shared/execution/resources';

import * as getReadyUsers from './getReadyUsers.operation';

export const number = defineResource(
	{ name: 'Number', value: 'number' },
	[getReadyUsers],
	'getReadyUsers',
);
