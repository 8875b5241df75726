import { CHANGED_FROM, crud, id, required, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

export const serviceLine = typedResource({
	value: 'serviceLine',
	name: 'Service Line',
	operations: crud('ServiceLineKind', 'service line', [id('ServiceID', 'The support line ID')], {
		create: [required(text('Name', 'Line name')), text('Description')],
		update: [text('Name', 'Line name'), text('Description')],
		read: [CHANGED_FROM],
	}),
});
