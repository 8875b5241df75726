import { MethodError } from '../bitrix-errors';
import type { Row } from './query';
import { RefusedValue, storedValue } from './field-storage';
import { notFound, nowStamp } from './store';

type Announce = (event: string, fields: Record<string, unknown>) => void;

/** What crm.item.fields says of a field: camelCase key, with its UPPER_CASE name. */
export interface ItemFieldInfo {
	type: string;
	isRequired: boolean;
	isReadOnly: boolean;
	isImmutable: boolean;
	isMultiple: boolean;
	isDynamic: boolean;
	title: string;
	upperName: string;
	statusType?: string;
	items?: Array<{ ID: string; VALUE: string }>;
}

export interface SmartProcess {
	id: number;
	entityTypeId: number;
	title: string;
	items: Row[];
	userFields: Record<string, ItemFieldInfo>;
	/** A system type crm.item also serves (a quote): its own fields, defaults and event names. */
	system?: { fields: Record<string, ItemFieldInfo>; defaults: Row; event: string };
}

const upper = (camel: string) => camel.replace(/([A-Z])/g, '_$1').toUpperCase();
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

const STANDARD_ITEM_FIELDS: Record<string, ItemFieldInfo> = {
	id: info('integer', 'ID', { isReadOnly: true }),
	title: info('string', 'Название', { isRequired: true }),
	categoryId: info('crm_category', 'Воронка', { isImmutable: true }),
	stageId: info('crm_status', 'Стадия'),
	opportunity: info('double', 'Сумма'),
	currencyId: info('crm_currency', 'Валюта'),
	assignedById: info('user', 'Ответственный'),
	contactId: info('crm_contact', 'Контакт'),
	companyId: info('crm_company', 'Компания'),
	begindate: info('date', 'Дата начала'),
	closedate: info('date', 'Дата завершения'),
	createdTime: info('datetime', 'Создан', { isReadOnly: true }),
	updatedTime: info('datetime', 'Изменён', { isReadOnly: true }),
};

/** Smart processes (crm.type.*) and their items (crm.item.*). */
export class SmartProcesses {
	types: SmartProcess[] = [];
	/** Values written that their field's type cannot take (the portal drops them). */
	readonly refused: Array<{ field: string; value: unknown }> = [];

	constructor(private readonly announce: Announce) {}

	type(entityTypeId: unknown): SmartProcess {
		const found = this.types.find((type) => type.entityTypeId === Number(entityTypeId));
		if (!found) {
			throw new MethodError(400, 'NOT_FOUND', `Smart process ${String(entityTypeId)} not found`);
		}
		return found;
	}

	fields(process: SmartProcess): Record<string, ItemFieldInfo> {
		if (process.system) return { ...process.system.fields, ...process.userFields };
		const all = { ...STANDARD_ITEM_FIELDS, ...process.userFields };
		return Object.fromEntries(
			Object.entries(all).map(([name, field]) => [
				name,
				{
					...field,
					upperName: field.upperName || upper(name),
					// The stages of the process's default pipeline (crm-status-entity-types.md).
					...(name === 'stageId' ? { statusType: `DYNAMIC_${process.entityTypeId}_STAGE_1` } : {}),
				},
			]),
		);
	}

	item(process: SmartProcess, id: unknown): Row {
		const item = process.items.find((candidate) => candidate.id === Number(id));
		if (!item) throw notFound();
		return item;
	}

	add(process: SmartProcess, fields: unknown): Row {
		const values = checkFields(fields);
		if ((values.title ?? '') === '') {
			throw new MethodError(
				400,
				'CRM_FIELD_ERROR_REQUIRED',
				'Не заполнено обязательное поле "Название"',
			);
		}
		const id = Math.max(0, ...process.items.map((item) => Number(item.id))) + 1;
		const stamp = nowStamp();
		const item: Row = {
			id,
			entityTypeId: process.entityTypeId,
			categoryId: 1,
			stageId: `DT${process.entityTypeId}_1:NEW`,
			assignedById: 1,
			opportunity: 0,
			currencyId: 'RUB',
			createdTime: stamp,
			updatedTime: stamp,
			...process.system?.defaults,
		};
		this.write(process, item, values);
		process.items.push(item);
		this.changed('ADD', process, id);
		return item;
	}

	update(process: SmartProcess, id: unknown, fields: unknown): Row {
		const item = this.item(process, id);
		this.write(process, item, checkFields(fields));
		item.updatedTime = nowStamp();
		this.changed('UPDATE', process, item.id);
		return item;
	}

	delete(process: SmartProcess, id: unknown): void {
		const item = this.item(process, id);
		process.items = process.items.filter((candidate) => candidate !== item);
		this.changed('DELETE', process, item.id);
	}

	private write(process: SmartProcess, item: Row, values: Row) {
		const known = this.fields(process);
		for (const [name, value] of Object.entries(values)) {
			const field = known[name];
			if (!field || field.isReadOnly) continue;
			const stored = storedValue(field, value, 'pair');
			if (stored instanceof RefusedValue) {
				this.refused.push({ field: name, value });
				continue;
			}
			// crm.item answers numbers as numbers.
			const numeric = ['integer', 'double', 'user', 'crm_contact', 'crm_company', 'crm_category'];
			item[name] =
				numeric.includes(field.type) && typeof stored === 'string' ? Number(stored) : stored;
		}
	}

	private changed(action: string, process: SmartProcess, id: number) {
		if (process.system)
			return this.announce(`ONCRM${process.system.event}${action}`, { ID: String(id) });
		this.announce(`ONCRMDYNAMICITEM${action}`, {
			ID: String(id),
			ENTITY_TYPE_ID: String(process.entityTypeId),
		});
	}
}

function checkFields(fields: unknown): Row {
	if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
		throw new MethodError(400, 'ERROR_CORE', 'Parameter fields is required');
	}
	return fields as Row;
}
