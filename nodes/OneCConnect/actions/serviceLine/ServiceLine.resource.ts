import { describeResource } from '../describe';
import type { ResourceSpec } from '../operation-spec';
import { CHANGED_FROM, crud, id, required, text } from '../operation-spec';

export const resource: ResourceSpec = {
	value: 'serviceLine',
	name: 'Service Line',
	operations: crud('ServiceLineKind', 'service line', [id('ServiceID', 'The support line ID')], {
		create: [required(text('Name', 'Line name')), text('Description')],
		update: [text('Name', 'Line name'), text('Description')],
		read: [CHANGED_FROM],
	}),
};

export const description = describeResource(resource);
