import { defineResource } from '../../../shared/execution/resources';

import * as getAvatar from './getAvatar.operation';
import * as getState from './getState.operation';
import * as setState from './setState.operation';

export const user = defineResource(
	{ name: 'User', value: 'user' },
	[getAvatar, getState, setState],
	'getState',
);
