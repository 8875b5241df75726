import { defineResource } from '../../../shared/execution/resources';
import * as get from './get.operation';
import * as getContacts from './getContacts.operation';

export const firm = defineResource(
	{ name: 'Firm', value: 'firm', description: 'A firm on ATI.SU, by its ATI code' },
	[get, getContacts],
	'get',
);
