import { describeResource } from '../describe';
import type { ResourceSpec } from '../operation-spec';
import { CHANGED_FROM, crud, id, required, text } from '../operation-spec';

export const resource: ResourceSpec = {
	value: 'serviceKind',
	name: 'Service Kind',
	operations: crud(
		'ServiceKind',
		'service kind',
		[id('ServiceKindID')],
		{
			create: [required(text('Name', 'Service kind name'))],
			update: [text('Name', 'Service kind name')],
			read: [CHANGED_FROM],
		},
		{ add: 100, edit: 100, delete: 50 },
	),
};

export const description = describeResource(resource);
