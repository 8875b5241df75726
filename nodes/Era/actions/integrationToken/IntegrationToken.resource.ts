import { defineResource } from '../../../shared/execution/resources';
import * as check from './check.operation';

export const integrationToken = defineResource(
	{ name: 'Integration Token', value: 'integrationToken' },
	[check],
	'check',
);
