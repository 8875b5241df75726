import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

const TEMPLATE_URL = 'https?://.+/bp/[^/]+/edit/(\\d+)/?.*';

/** A business process template: from a searchable list of the record type's templates, or by ID. */
export const templateProperty: INodeProperties = {
	displayName: 'Template',
	name: 'templateId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The business process template (шаблон бизнес-процесса) to start',
	typeOptions: { loadOptionsDependsOn: ['ownerType', 'entityTypeId'] },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template...',
			typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '15' },
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://mycompany.bitrix24.ru/crm/configs/bp/CRM_DEAL/edit/15/',
			extractValue: { type: 'regex', regex: TEMPLATE_URL },
		},
	],
};

export function templateIdOf(context: IExecuteFunctions, itemIndex: number): number {
	const text = String(
		context.getNodeParameter('templateId', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	const id = new RegExp(TEMPLATE_URL).exec(text)?.[1] ?? text;
	if (!/^\d+$/.test(id) || Number(id) <= 0) {
		throw inputError(
			context.getNode(),
			`"Template" in item ${itemIndex} is not a template ID: ${JSON.stringify(text)}`,
			'Pick the template from the list, or give its number.',
			itemIndex,
		);
	}
	return Number(id);
}
