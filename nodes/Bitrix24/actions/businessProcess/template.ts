import type { IExecuteFunctions } from 'n8n-workflow';

import type { NumberedObject } from '../parameters/numbered-locator';
import { numberedLocator, requiredNumberIn } from '../parameters/numbered-locator';

const TEMPLATE: NumberedObject = {
	noun: 'template',
	searchListMethod: 'searchTemplates',
	idPlaceholder: '15',
	urlPlaceholder: 'https://mycompany.bitrix24.ru/crm/configs/bp/CRM_DEAL/edit/15/',
	urlPattern: 'https?://.+/bp/[^/]+/edit/(\\d+)/?.*',
	fix: 'Pick the template from the list, or give its number.',
};

/** A business process template: from a searchable list of the record type's templates, or by ID. */
export const templateProperty = numberedLocator(TEMPLATE, {
	displayName: 'Template',
	name: 'templateId',
	required: true,
	description: 'The business process template (шаблон бизнес-процесса) to start',
	typeOptions: { loadOptionsDependsOn: ['ownerType', 'entityTypeId'] },
});

export function templateIdOf(context: IExecuteFunctions, itemIndex: number): number {
	return requiredNumberIn(context, TEMPLATE, 'templateId', 'Template', itemIndex);
}
