import { CHANGED_FROM, crud, id, required, sendWelcomeEmail, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

const PERSON = [
	text('Surname', 'Last name, up to 20 characters'),
	text('SecondaryName', 'Middle name, up to 20 characters'),
	text('Post', 'Position, up to 50 characters'),
	text('Phone', 'Phone numbers, up to 320 characters'),
	text('EMail', 'Email address; also the login for 1C-Connect'),
	text('DepartmentID', 'The department (DepartmentID) the specialist belongs to'),
	text('Password', 'Initial password, up to 10 characters'),
];

export const specialist = typedResource({
	value: 'specialist',
	name: 'Specialist',
	operations: [
		...crud('Specialist', 'specialist', [id('SpecialistID')], {
			create: [required(text('Name', 'First name, up to 20 characters')), ...PERSON],
			update: [text('Name', 'First name, up to 20 characters'), ...PERSON],
			read: [CHANGED_FROM, text('SpecialistID')],
		}),
		sendWelcomeEmail('Specialist', 'specialist', 'SpecialistID'),
	],
});
