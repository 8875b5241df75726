import { typedResource } from '../typed-operations/typed-resource';

export const region = typedResource({
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
			effect: 'read',
			fields: [],
		},
	],
});
