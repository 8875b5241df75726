import { CHANGED_FROM, crud, id, required, sendWelcomeEmail, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

const USER = [
	text('Surname', 'Last name, up to 20 characters'),
	text('SecondaryName', 'Middle name, up to 20 characters'),
	text('Password', 'Password, up to 10 characters'),
	text('Post', 'Position, up to 50 characters'),
	text('Phone', 'Phone numbers, up to 320 characters'),
	text('EMail'),
	text('ClientDepartmentID', 'The client department the user belongs to'),
];

export const clientUser = typedResource({
	value: 'clientUser',
	name: 'Client User',
	operations: [
		...crud('ClientUser', 'client user', [id('UserID')], {
			create: [
				id('ClientID', 'The client the user works for'),
				required(text('Name', 'First name, up to 20 characters')),
				...USER,
			],
			update: [text('Name', 'First name, up to 20 characters'), ...USER],
			read: [CHANGED_FROM, text('ClientID'), text('UserID')],
		}),
		sendWelcomeEmail('ClientUser', 'client user', 'UserID'),
	],
});
