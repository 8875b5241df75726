import { describeResource } from '../describe';
import type { ResourceSpec } from '../operation-spec';
import { CHANGED_FROM, crud, id, required, text } from '../operation-spec';

export const resource: ResourceSpec = {
	value: 'department',
	name: 'Department',
	operations: crud('Department', 'department', [id('DepartmentID')], {
		create: [required(text('Name', 'Department name, up to 100 characters'))],
		update: [text('Name', 'Department name, up to 100 characters')],
		read: [CHANGED_FROM],
	}),
};

export const description = describeResource(resource);
