import { MethodError } from '../bitrix-errors';
import type { MethodContext, MethodResult } from '../methods';
import type { Row } from './query';
import { conditionsOf, matches, pageOf, sortRows } from './query';

/**
 * The portal's directories (crm.status.*) and pipelines (crm.category.*), as
 * api-reference/crm/status/crm-status-list.md, crm-status-entity-types.md and
 * api-reference/crm/universal/category/crm-category-list.md describe them: the stages of a
 * deal pipeline other than the general one are directory `DEAL_STAGE_<id>` with IDs
 * `C<id>:<STAGE>`; a smart process's stages are `DYNAMIC_<entityTypeId>_STAGE_<id>` with IDs
 * `DT<entityTypeId>_<id>:<STAGE>`. Like every list method, crm.status.list answers 50 rows a page.
 */
export interface Status {
	ENTITY_ID: string;
	STATUS_ID: string;
	NAME: string;
	CATEGORY_ID?: string | null;
}

export interface Category {
	id: number;
	name: string;
	entityTypeId: number;
	isDefault: 'Y' | 'N';
	sort: number;
}

const group = (entityId: string, entries: string[][], categoryId: string | null = null): Status[] =>
	entries.map(([STATUS_ID, NAME]) => ({
		ENTITY_ID: entityId,
		STATUS_ID,
		NAME,
		CATEGORY_ID: categoryId,
	}));

export function demoStatuses(): Status[] {
	return [
		...group('DEAL_STAGE', [
			['NEW', 'Новая'],
			['PREPARATION', 'Подготовка документов'],
			['EXECUTING', 'В работе'],
			['WON', 'Сделка успешна'],
			['LOSE', 'Сделка провалена'],
		]),
		...group(
			'DEAL_STAGE_1',
			[
				['C1:NEW', 'Заявка'],
				['C1:PREPARATION', 'Расчёт доставки'],
				['C1:WON', 'Доставлено'],
				['C1:LOSE', 'Отказ'],
			],
			'1',
		),
		...group('STATUS', [
			['NEW', 'Не обработан'],
			['IN_PROCESS', 'В работе'],
			['CONVERTED', 'Качественный лид'],
			['JUNK', 'Некачественный лид'],
		]),
		...group('SOURCE', [
			['CALL', 'Звонок'],
			['EMAIL', 'Электронная почта'],
			['WEB', 'Веб-сайт'],
			['WEBFORM', 'CRM-форма'],
			['OTHER', 'Другое'],
		]),
		...group('CONTACT_TYPE', [
			['CLIENT', 'Клиенты'],
			['SUPPLIER', 'Поставщики'],
			['PARTNER', 'Партнёры'],
		]),
		...group('COMPANY_TYPE', [
			['CUSTOMER', 'Клиент'],
			['SUPPLIER', 'Поставщик'],
			['COMPETITOR', 'Конкурент'],
		]),
		...group('INDUSTRY', [
			['IT', 'Информационные технологии'],
			['MANUFACTURING', 'Производство'],
			['OTHER', 'Другое'],
		]),
		...group(
			'DYNAMIC_1032_STAGE_1',
			[
				['DT1032_1:NEW', 'Новая заявка'],
				['DT1032_1:SUCCESS', 'Доставлена'],
				['DT1032_1:FAIL', 'Отменена'],
			],
			'1',
		),
	];
}

export function demoCategories(): Category[] {
	return [
		{ id: 0, name: 'Общая', entityTypeId: 2, isDefault: 'Y', sort: 100 },
		{ id: 1, name: 'Доставка', entityTypeId: 2, isDefault: 'N', sort: 200 },
		{ id: 1, name: 'Общая', entityTypeId: 1032, isDefault: 'Y', sort: 100 },
	];
}

export interface Directories {
	statuses: Status[];
	categories: Category[];
}

type Method = (context: MethodContext) => MethodResult;

const rowsOf = (statuses: Status[]): Row[] =>
	statuses.map((status, index) => ({
		ID: String(index + 1),
		SORT: String((index + 1) * 10),
		...status,
		CATEGORY_ID: status.CATEGORY_ID ?? null,
	}));

export const DIRECTORY_METHODS: Record<string, Method> = {
	'crm.status.list': ({ params, portal }) => {
		const rows = rowsOf(portal.directories.statuses).filter((row) =>
			matches(row, conditionsOf(params.filter ?? params.FILTER)),
		);
		return pageOf(sortRows(rows, params.order ?? params.ORDER), params.start);
	},
	'crm.status.add': ({ params, portal }) => {
		const fields = (params.fields ?? params.FIELDS ?? {}) as Row;
		const entityId = String(fields.ENTITY_ID ?? '');
		const statusId = String(fields.STATUS_ID ?? '');
		if (entityId === '' || statusId === '' || String(fields.NAME ?? '') === '') {
			throw new MethodError(400, '', 'ENTITY_ID, STATUS_ID and NAME are required');
		}
		const statuses = portal.directories.statuses;
		if (statuses.some((s) => s.ENTITY_ID === entityId && s.STATUS_ID === statusId)) {
			throw new MethodError(400, '', `The status ${statusId} already exists`);
		}
		const category = /^DEAL_STAGE_(\d+)$/.exec(entityId)?.[1] ?? null;
		statuses.push({
			ENTITY_ID: entityId,
			STATUS_ID: statusId,
			NAME: String(fields.NAME),
			CATEGORY_ID: category,
		});
		return { result: statuses.length };
	},
	'crm.category.list': ({ params, portal }) => {
		const entityTypeId = Number(params.entityTypeId);
		if (!Number.isInteger(entityTypeId) || entityTypeId <= 0) {
			throw new MethodError(400, '', 'entityTypeId is required');
		}
		const categories = portal.directories.categories.filter(
			(category) => category.entityTypeId === entityTypeId,
		);
		const page = pageOf(categories as unknown as Row[], params.start);
		return { ...page, result: { categories: page.result } };
	},
};
