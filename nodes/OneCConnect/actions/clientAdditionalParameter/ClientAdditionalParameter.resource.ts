import type { FieldSpec } from '../operation-spec';
import { CHANGED_FROM, crud, id, required, text } from '../operation-spec';
import { typedResource } from '../typed-operations/typed-resource';

const COLOR: FieldSpec = {
	name: 'Color',
	type: 'options',
	description: 'Colour of the value in the client card',
	options: ['NONE', 'RED', 'GREEN', 'BLUE', 'YELLOW', 'ORANGE', 'PURPLE', 'GRAY'],
};

export const clientAdditionalParameter = typedResource({
	value: 'clientAdditionalParameter',
	name: 'Client Additional Parameter',
	operations: [
		...crud('ClientAdditionalParameter', 'client additional parameter', [id('ClientParameterID')], {
			create: [required(text('Name', 'Parameter name'))],
			update: [text('Name', 'Parameter name')],
			read: [CHANGED_FROM],
		}),
		{
			value: 'setValue',
			name: 'Set Value',
			action: 'Set the value of a client additional parameter',
			description:
				"Set a client's value of a parameter (ClientAdditionalParameterValueEdit), 100 per call across items",
			soap: 'ClientAdditionalParameterValueEdit',
			kind: 'batch',
			effect: 'write',
			batchOutput: 'updated',
			fields: [id('ClientParameterID'), id('ClientID'), required(text('Value')), COLOR],
		},
		{
			value: 'getValues',
			name: 'Get Values',
			action: 'Get values of client additional parameters',
			description: 'Values of parameters per client (ClientAdditionalParameterValueRead)',
			soap: 'ClientAdditionalParameterValueRead',
			kind: 'read',
			effect: 'read',
			fields: [text('ClientID'), text('ClientParameterID')],
		},
	],
});
