// Quotes (estimates) through crm.item.* with entityTypeId 7, as bitrix24/b24restdocs describes
// them: api-reference/crm/quote/index.md (the universal methods serve estimates), the fields of
// api-reference/crm/quote/crm-quote-fields.md in crm.item's camelCase, stages from QUOTE_STATUS.
import type { ItemFieldInfo, SmartProcess } from '../crm/dynamic';

const info = (type: string, title: string, extra: Partial<ItemFieldInfo> = {}): ItemFieldInfo => ({
	type,
	isRequired: false,
	isReadOnly: false,
	isImmutable: false,
	isMultiple: false,
	isDynamic: false,
	title,
	upperName: '',
	...extra,
});

const QUOTE_FIELDS: Record<string, ItemFieldInfo> = {
	id: info('integer', 'ID', { isReadOnly: true }),
	title: info('string', 'Название'),
	stageId: info('crm_status', 'Стадия', { statusType: 'QUOTE_STATUS' }),
	opportunity: info('double', 'Сумма'),
	currencyId: info('crm_currency', 'Валюта'),
	assignedById: info('user', 'Ответственный'),
	companyId: info('crm_company', 'Компания'),
	contactId: info('crm_contact', 'Контакт'),
	dealId: info('crm_deal', 'Сделка'),
	begindate: info('date', 'Дата выставления'),
	closedate: info('date', 'Срок действия'),
	comments: info('string', 'Комментарий'),
	createdTime: info('datetime', 'Создано', { isReadOnly: true }),
	updatedTime: info('datetime', 'Изменено', { isReadOnly: true }),
};

export function demoQuotes(): SmartProcess {
	return {
		id: 0,
		entityTypeId: 7,
		title: 'Предложения',
		items: [
			{
				id: 1,
				entityTypeId: 7,
				title: 'КП на перевозку',
				stageId: 'DRAFT',
				opportunity: 45000,
				currencyId: 'RUB',
				assignedById: 1,
				createdTime: '2026-11-02T10:00:00+03:00',
				updatedTime: '2026-11-02T10:00:00+03:00',
			},
		],
		userFields: {},
		system: {
			fields: QUOTE_FIELDS,
			defaults: { stageId: 'DRAFT', categoryId: undefined },
			event: 'QUOTE',
		},
	};
}
