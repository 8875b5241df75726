import { MethodError } from '../bitrix-errors';
import { listOf } from '../php-params';
import type { CrmEntity, FieldInfo } from './catalog';
import { ENTITY_TYPE, MULTI_FIELDS, standardFields } from './catalog';
import { RefusedValue, storedValue } from './field-storage';
import type { Row } from './query';

type Announce = (event: string, fields: Record<string, unknown>) => void;

interface UserField {
	id: number;
	name: string;
	info: FieldInfo;
}

export const notFound = () => new MethodError(400, '', 'Not found');

export function nowStamp(): string {
	return new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** One CRM entity's records: `rows()` is the live list (the portal's deals for deals). */
export class CrmTable {
	readonly userFields: UserField[] = [];
	/** Values written that their field's type cannot take (the portal drops them). */
	readonly refused: Array<{ field: string; value: unknown }> = [];
	private multiFieldId = 1000;

	constructor(
		readonly entity: CrmEntity,
		readonly rows: () => Row[],
		readonly replace: (rows: Row[]) => void,
		private readonly announce: Announce,
	) {}

	fields(): Record<string, FieldInfo> {
		return {
			...standardFields(this.entity),
			...Object.fromEntries(this.userFields.map((field) => [field.name, field.info])),
		};
	}

	/** Without `select`, a list gives standard fields but neither multi-fields nor user fields. */
	listedByDefault = (field: string) => !field.startsWith('UF_') && !MULTI_FIELDS.includes(field);

	find(id: unknown): Row {
		const row = this.rows().find((candidate) => candidate.ID === String(id));
		if (!row) throw notFound();
		return row;
	}

	add(fields: unknown): number {
		const values = this.checkFields(fields);
		const known = this.fields();
		for (const [name, info] of Object.entries(known)) {
			if (info.isRequired && (values[name] ?? '') === '') {
				throw new MethodError(400, '', `Не заполнено обязательное поле "${info.title}"`);
			}
		}
		const rows = this.rows();
		const id = Math.max(0, ...rows.map((row) => Number(row.ID))) + 1;
		const stamp = nowStamp();
		const row: Row = { ...this.defaults(), DATE_CREATE: stamp, DATE_MODIFY: stamp };
		this.write(row, values);
		row.ID = String(id);
		rows.push(row);
		this.announce(`ONCRM${ENTITY_TYPE[this.entity].name}ADD`, { ID: String(id) });
		return id;
	}

	update(id: unknown, fields: unknown): true {
		const row = this.find(id);
		this.write(row, this.checkFields(fields));
		row.DATE_MODIFY = nowStamp();
		this.announce(`ONCRM${ENTITY_TYPE[this.entity].name}UPDATE`, { ID: row.ID });
		return true;
	}

	delete(id: unknown): true {
		const row = this.find(id);
		this.replace(this.rows().filter((candidate) => candidate !== row));
		this.announce(`ONCRM${ENTITY_TYPE[this.entity].name}DELETE`, { ID: row.ID });
		return true;
	}

	deleteUserField(id: number): boolean {
		const index = this.userFields.findIndex((field) => field.id === id);
		if (index === -1) throw notFound();
		this.userFields.splice(index, 1);
		return true;
	}

	addUserField(fields: unknown): number {
		const spec = (fields && typeof fields === 'object' ? fields : {}) as Row;
		const bare = String(spec.FIELD_NAME ?? '').replace(/^UF_CRM_/, '');
		if (!/^[A-Z0-9_]+$/.test(bare)) {
			throw new MethodError(400, 'ERROR_CORE', 'FIELD_NAME is required: A-Z, 0-9 and _');
		}
		const name = `UF_CRM_${bare}`;
		if (this.userFields.some((field) => field.name === name)) {
			throw new MethodError(400, 'ERROR_CORE', `Field ${name} already exists`);
		}
		const label = String(spec.EDIT_FORM_LABEL ?? spec.LIST_COLUMN_LABEL ?? name);
		const id = Math.max(100, ...this.userFields.map((field) => field.id)) + 1;
		const items = listOf(spec.LIST).map((item, index) => ({
			ID: String(id * 10 + index),
			VALUE: String((item as Row).VALUE ?? item),
		}));
		this.userFields.push({
			id,
			name,
			info: {
				type: String(spec.USER_TYPE_ID ?? 'string'),
				isRequired: spec.MANDATORY === 'Y',
				isReadOnly: false,
				isImmutable: false,
				isMultiple: spec.MULTIPLE === 'Y',
				isDynamic: true,
				title: name,
				listLabel: String(spec.LIST_COLUMN_LABEL ?? label),
				formLabel: label,
				filterLabel: String(spec.LIST_FILTER_LABEL ?? label),
				...(items.length > 0 ? { items } : {}),
				// A directory field names its directory in SETTINGS.ENTITY_TYPE (crm-userfield-add).
				...(spec.USER_TYPE_ID === 'crm_status'
					? { statusType: String((spec.SETTINGS as Row | undefined)?.ENTITY_TYPE ?? '') }
					: {}),
			},
		});
		return id;
	}

	private defaults(): Row {
		const base: Row = { ASSIGNED_BY_ID: '1', COMMENTS: null, SOURCE_ID: null };
		if (this.entity === 'deal') return { ...base, TITLE: '', STAGE_ID: 'NEW', CURRENCY_ID: 'RUB' };
		if (this.entity === 'lead') return { ...base, TITLE: '', STATUS_ID: 'NEW', CURRENCY_ID: 'RUB' };
		return base;
	}

	private checkFields(fields: unknown): Row {
		if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
			throw new MethodError(400, 'ERROR_CORE', 'Parameter fields is required');
		}
		return fields as Row;
	}

	/** Unknown fields are ignored, as Bitrix24 does; read-only ones are not written. */
	private write(row: Row, values: Row): void {
		const known = this.fields();
		for (const [name, value] of Object.entries(values)) {
			const info = known[name];
			if (!info || info.isReadOnly) continue;
			if (info.type === 'crm_multifield') {
				row[name] = this.mergeMultiField(name, row[name], value);
				continue;
			}
			const stored = storedValue(info, value);
			if (stored instanceof RefusedValue) this.refused.push({ field: name, value });
			else row[name] = stored;
		}
	}

	/**
	 * Multi-field writes (api-reference/crm/contacts/crm-contact-update.md, "Working with
	 * Multiple Fields"): an entry without ID is added, even when the record holds its value;
	 * one with an ID changes that entry, or removes it when its VALUE is empty or DELETE is Y.
	 */
	private mergeMultiField(name: string, current: unknown, update: unknown): Row[] {
		const entries = Array.isArray(current) ? [...(current as Row[])] : [];
		for (const raw of listOf(update)) {
			const change = (raw && typeof raw === 'object' ? raw : { VALUE: raw }) as Row;
			const at = entries.findIndex((entry) => entry.ID === String(change.ID ?? ''));
			if (at >= 0) {
				if ((change.VALUE ?? '') === '' || change.DELETE === 'Y') entries.splice(at, 1);
				else entries[at] = { ...entries[at], ...stringEntries(change), ID: entries[at].ID };
				continue;
			}
			if ((change.VALUE ?? '') === '') continue;
			entries.push({
				ID: String(++this.multiFieldId),
				VALUE_TYPE: String(change.VALUE_TYPE ?? 'WORK'),
				VALUE: String(change.VALUE),
				TYPE_ID: name,
			});
		}
		return entries;
	}
}

function stringEntries(entry: Row): Row {
	return Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, String(value)]));
}
