import { describeResource } from '../describe';
import type { ResourceSpec } from '../operation-spec';
import { CHANGED_FROM, crud, id, required, text } from '../operation-spec';

export const resource: ResourceSpec = {
	value: 'clientDepartment',
	name: 'Client Department',
	operations: crud('ClientDepartment', 'client department', [id('ClientDepartmentID')], {
		create: [id('ClientID'), required(text('Name', 'Department name'))],
		update: [text('Name', 'Department name')],
		read: [CHANGED_FROM, text('ClientID')],
	}),
};

export const description = describeResource(resource);
