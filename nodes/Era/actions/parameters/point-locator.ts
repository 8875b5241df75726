import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

/** The point an operation acts on: picked from a list, pasted as an API URL, or given by ID. */
export const pointLocator: INodeProperties = {
	displayName: 'Integration Point',
	name: 'pointId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The integration point to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchIntegrationPoints', searchable: true },
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder:
				'https://era.example.com/rest/v1/service/integration_points/b4680fbe-016c-d86f-1d6b-50e54938780c',
			extractValue: { type: 'regex', regex: 'integration_points/([^/?#]+)' },
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '.*integration_points/[^/?#]+.*',
						errorMessage: 'Not an ERA integration point URL (…/integration_points/<id>)',
					},
				},
			],
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'b4680fbe-016c-d86f-1d6b-50e54938780c',
		},
	],
};

/** The point ID from the locator, whichever mode it was given in. */
export function pointIdOf(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('pointId', itemIndex, '', { extractValue: true });
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (id === '') {
		throw inputError(
			context.getNode(),
			'No integration point given',
			'Pick an integration point from the list, or enter its ID or API URL.',
			itemIndex,
		);
	}
	return id;
}
