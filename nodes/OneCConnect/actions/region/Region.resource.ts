import { describeResource } from '../describe';
import type { ResourceSpec } from '../operation-spec';

export const resource: ResourceSpec = {
	value: 'region',
	name: 'Region',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many regions',
			description: 'List the regions known to 1C-Connect (RegionRead)',
			soap: 'RegionRead',
			kind: 'read',
			idempotent: true,
			fields: [],
		},
	],
};

export const description = describeResource(resource);
