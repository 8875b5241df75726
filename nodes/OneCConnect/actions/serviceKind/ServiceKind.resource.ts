import { CHANGED_FROM, crud, id, required, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

export const serviceKind = typedResource({
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
});
