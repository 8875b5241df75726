/** What `crm.<entity>.fields` says of one field. */
export interface FieldInfo {
	type: string;
	isRequired: boolean;
	isReadOnly: boolean;
	isImmutable: boolean;
	isMultiple: boolean;
	isDynamic: boolean;
	title: string;
	statusType?: string;
	items?: Array<{ ID: string; VALUE: string }>;
	listLabel?: string;
	formLabel?: string;
	filterLabel?: string;
}

export type CrmEntity = 'deal' | 'lead' | 'contact' | 'company';
export const CRM_ENTITIES: CrmEntity[] = ['deal', 'lead', 'contact', 'company'];

/** CRM entity type IDs (crm.enum.ownertype) and the names their events and duplicates use. */
export const ENTITY_TYPE: Record<CrmEntity, { id: number; name: string }> = {
	lead: { id: 1, name: 'LEAD' },
	deal: { id: 2, name: 'DEAL' },
	contact: { id: 3, name: 'CONTACT' },
	company: { id: 4, name: 'COMPANY' },
};

export const MULTI_FIELDS = ['PHONE', 'EMAIL', 'WEB', 'IM'];

type Spec = [name: string, type: string, title: string, extra?: Partial<FieldInfo>];

const field = ([, type, title, extra]: Spec): FieldInfo => ({
	type,
	isRequired: false,
	isReadOnly: false,
	isImmutable: false,
	isMultiple: type === 'crm_multifield',
	isDynamic: false,
	title,
	...extra,
});

const readOnly = { isReadOnly: true };
const common: Spec[] = [
	['ID', 'integer', 'ID', readOnly],
	['ASSIGNED_BY_ID', 'user', 'Ответственный'],
	['SOURCE_ID', 'crm_status', 'Источник', { statusType: 'SOURCE' }],
	['COMMENTS', 'string', 'Комментарий'],
	['DATE_CREATE', 'datetime', 'Дата создания', readOnly],
	['DATE_MODIFY', 'datetime', 'Дата изменения', readOnly],
];
const communications: Spec[] = [
	['PHONE', 'crm_multifield', 'Телефон'],
	['EMAIL', 'crm_multifield', 'E-mail'],
	['WEB', 'crm_multifield', 'Сайт'],
	['IM', 'crm_multifield', 'Мессенджер'],
];

const STANDARD: Record<CrmEntity, Spec[]> = {
	deal: [
		...common,
		['TITLE', 'string', 'Название'],
		['CATEGORY_ID', 'crm_category', 'Воронка', { isImmutable: true }],
		['STAGE_ID', 'crm_status', 'Стадия сделки', { statusType: 'DEAL_STAGE' }],
		['OPPORTUNITY', 'double', 'Сумма'],
		['CURRENCY_ID', 'crm_currency', 'Валюта'],
		['CONTACT_ID', 'crm_contact', 'Контакт'],
		['CONTACT_IDS', 'crm_contact', 'Контакты', { isMultiple: true }],
		['COMPANY_ID', 'crm_company', 'Компания'],
		['BEGINDATE', 'date', 'Дата начала'],
		['CLOSEDATE', 'date', 'Дата завершения'],
		['CLOSED', 'char', 'Сделка закрыта'],
	],
	lead: [
		...common,
		['TITLE', 'string', 'Название лида'],
		['NAME', 'string', 'Имя'],
		['LAST_NAME', 'string', 'Фамилия'],
		['STATUS_ID', 'crm_status', 'Стадия', { statusType: 'STATUS' }],
		['OPPORTUNITY', 'double', 'Сумма'],
		['CURRENCY_ID', 'crm_currency', 'Валюта'],
		['COMPANY_TITLE', 'string', 'Название компании'],
		['CONTACT_ID', 'crm_contact', 'Контакт'],
		...communications,
	],
	contact: [
		...common,
		['NAME', 'string', 'Имя'],
		['LAST_NAME', 'string', 'Фамилия'],
		['SECOND_NAME', 'string', 'Отчество'],
		['POST', 'string', 'Должность'],
		['TYPE_ID', 'crm_status', 'Тип контакта', { statusType: 'CONTACT_TYPE' }],
		['COMPANY_ID', 'crm_company', 'Компания'],
		['BIRTHDATE', 'date', 'Дата рождения'],
		['EXPORT', 'char', 'Участвует в экспорте'],
		...communications,
	],
	company: [
		...common,
		['TITLE', 'string', 'Название компании', { isRequired: true }],
		['COMPANY_TYPE', 'crm_status', 'Тип компании', { statusType: 'COMPANY_TYPE' }],
		['INDUSTRY', 'crm_status', 'Сфера деятельности', { statusType: 'INDUSTRY' }],
		['REVENUE', 'double', 'Годовой оборот'],
		['CURRENCY_ID', 'crm_currency', 'Валюта'],
		...communications,
	],
};

export function standardFields(entity: CrmEntity): Record<string, FieldInfo> {
	return Object.fromEntries(STANDARD[entity].map((spec) => [spec[0], field(spec)]));
}

/** crm.<entity>.userfield.add's USER_TYPE_ID → the type crm.<entity>.fields reports. */
export const USER_FIELD_TYPES = [
	'string',
	'integer',
	'double',
	'boolean',
	'date',
	'datetime',
	'enumeration',
	'url',
	'money',
	'employee',
	'crm_status',
	'crm',
	'file',
	'address',
];
