import { CHANGED_FROM, crud, id, required, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

export const department = typedResource({
	value: 'department',
	name: 'Department',
	operations: crud('Department', 'department', [id('DepartmentID')], {
		create: [required(text('Name', 'Department name, up to 100 characters'))],
		update: [text('Name', 'Department name, up to 100 characters')],
		read: [CHANGED_FROM],
	}),
});
