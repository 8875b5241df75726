import { defineResource } from '../../../shared/execution/resources';

import * as execute from './execute.operation';
import * as executePlain from './executePlain.operation';

export const serviceScript = defineResource(
	{ name: 'Service Script', value: 'serviceScript' },
	[execute, executePlain],
	'execute',
);
