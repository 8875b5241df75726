import { CHANGED_FROM, crud, date, id, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

const KEY = [
	id('ServiceUserID', 'The user (specialist or client user) the line is connected to'),
	id('ServiceID', 'The support line'),
];
const PERIOD = [
	date('ActivateDate', 'When the line starts working'),
	date('ExpiresDate', 'When it stops'),
];

export const userServiceLine = typedResource({
	value: 'userServiceLine',
	name: 'User Service Line',
	operations: crud('UserServiceLine', 'user service line', KEY, {
		create: [...KEY, ...PERIOD],
		update: PERIOD,
		read: [CHANGED_FROM, text('ServiceUserID'), text('ServiceID')],
	}),
});
