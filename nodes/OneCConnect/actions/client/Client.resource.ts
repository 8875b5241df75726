import { CHANGED_FROM, crud, id, required, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

const CLIENT = [
	text('INN', 'Taxpayer number'),
	text('KPP', 'Tax registration reason code'),
	text('FullName', 'Full legal name'),
	text('Phone'),
	text('EMail'),
	text('Address'),
	text('Comment'),
];

export const client = typedResource({
	value: 'client',
	name: 'Client',
	operations: [
		...crud('Client', 'client', [id('ClientID')], {
			create: [required(text('Name', 'Client (company) name')), ...CLIENT],
			update: [text('Name', 'Client (company) name'), ...CLIENT],
			read: [CHANGED_FROM, text('ClientID')],
		}),
		{
			value: 'getItsStatus',
			name: 'Get ITS Status',
			action: 'Get the ITS status of a client',
			description: 'Whether the client has a valid 1C:ITS contract (ClientITSStatus)',
			soap: 'ClientITSStatus',
			kind: 'call',
			effect: 'read',
			fields: [id('ClientID')],
		},
		{
			value: 'setClientManager',
			name: 'Set Client Manager',
			action: 'Set the client manager of a client',
			description: 'Assign the specialist who manages the client (ClientSetClientManager)',
			soap: 'ClientSetClientManager',
			kind: 'call',
			effect: 'write',
			fields: [id('ClientID'), id('SpecialistID', 'The specialist to assign')],
		},
		{
			value: 'setServiceManager',
			name: 'Set Service Manager',
			action: 'Set the service manager of a client',
			description:
				'Assign the specialist who manages service for the client (ClientSetServiceManager)',
			soap: 'ClientSetServiceManager',
			kind: 'call',
			effect: 'write',
			fields: [id('ClientID'), id('SpecialistID', 'The specialist to assign')],
		},
	],
});
