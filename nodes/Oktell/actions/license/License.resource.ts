import { defineResource } from '../../../shared/execution/resources';

import * as getFullText from './getFullText.operation';
import * as getFullXml from './getFullXml.operation';
import * as getInfo from './getInfo.operation';

export const license = defineResource(
	{ name: 'License', value: 'license' },
	[getFullText, getFullXml, getInfo],
	'getFullText',
);
