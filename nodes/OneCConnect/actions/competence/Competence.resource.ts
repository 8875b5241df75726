import type { FieldSpec } from '../operation-spec';
import { CHANGED_FROM, crud, id, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

const PRIORITY: FieldSpec = {
	name: 'Priority',
	type: 'options',
	description: 'How the specialist takes requests of the line',
	options: [
		['3', 'Standard'],
		['2', 'Medium'],
		['1', 'High'],
		['0', 'Observer'],
	],
};

const KEY = [id('SpecialistID'), id('ServiceID', 'The support line (ServiceLineKind ID)')];

export const competence = typedResource({
	value: 'competence',
	name: 'Competence',
	operations: crud('Competence', 'competence', KEY, {
		create: [...KEY, PRIORITY],
		update: [PRIORITY],
		read: [CHANGED_FROM, text('SpecialistID'), text('ServiceID')],
	}),
});
