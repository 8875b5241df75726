import { CHANGED_FROM, crud, id, required, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

export const clientDepartment = typedResource({
	value: 'clientDepartment',
	name: 'Client Department',
	operations: crud('ClientDepartment', 'client department', [id('ClientDepartmentID')], {
		create: [id('ClientID'), required(text('Name', 'Department name'))],
		update: [text('Name', 'Department name')],
		read: [CHANGED_FROM, text('ClientID')],
	}),
});
