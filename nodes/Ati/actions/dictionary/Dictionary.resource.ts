import { defineResource } from '../../../shared/execution/resources';
import * as getMany from './getMany.operation';

export const dictionary = defineResource(
	{ name: 'Dictionary', value: 'dictionary', description: "ATI's dictionaries (справочники)" },
	[getMany],
	'getMany',
);
