import { describeResource } from '../describe';
import type { ResourceSpec } from '../operation-spec';
import { CHANGED_FROM, crud, date, id, text } from '../operation-spec';

const KEY = [
	id('ServiceUserID', 'The user (specialist or client user) the line is connected to'),
	id('ServiceID', 'The support line'),
];
const PERIOD = [
	date('ActivateDate', 'When the line starts working'),
	date('ExpiresDate', 'When it stops'),
];

export const resource: ResourceSpec = {
	value: 'userServiceLine',
	name: 'User Service Line',
	operations: crud('UserServiceLine', 'user service line', KEY, {
		create: [...KEY, ...PERIOD],
		update: PERIOD,
		read: [CHANGED_FROM, text('ServiceUserID'), text('ServiceID')],
	}),
};

export const description = describeResource(resource);
