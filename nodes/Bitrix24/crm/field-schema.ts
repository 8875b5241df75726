import type { FieldType, IDataObject, ResourceMapperField } from 'n8n-workflow';

/** A field as Bitrix24 describes it in crm.*.fields, crm.item.fields or tasks.task.getFields. */
export interface VendorField {
	type?: string;
	title?: string;
	isRequired?: boolean;
	required?: string | boolean;
	isReadOnly?: boolean;
	primary?: boolean;
	isMultiple?: boolean;
	isDynamic?: boolean;
	formLabel?: string;
	listLabel?: string;
	statusType?: string;
	items?: Array<{ ID: string; VALUE: string }>;
}

export interface StatusEntry {
	ENTITY_ID: string;
	STATUS_ID: string;
	NAME: string;
}

/** Phone, e-mail, web and messenger: a list of {VALUE, VALUE_TYPE} in Bitrix24, plain text in the form. */
export const MULTI_FIELD_TYPE = 'crm_multifield';

const TYPES: Record<string, FieldType> = {
	integer: 'number',
	double: 'number',
	money: 'string',
	date: 'dateTime',
	datetime: 'dateTime',
	boolean: 'boolean',
	user: 'number',
	crm_contact: 'number',
	crm_company: 'number',
};

/** A user field's own label (formLabel), else its title; standard fields have only a title. */
export function fieldLabel(name: string, field: VendorField): string {
	const label = field.formLabel || field.listLabel || field.title || name;
	return label === name ? name : `${label} (${name})`;
}

const readOnly = (name: string, field: VendorField) =>
	field.isReadOnly === true || field.primary === true || /^(ID|id)$/.test(name);

/**
 * Resource mapper columns from the portal's field list: titles, types, required flags and the
 * items of list fields (enumeration user fields carry theirs; crm_status fields take the portal's
 * statuses of their statusType). Required fields come first; read-only ones are left out.
 */
export function mapperColumns(
	fields: Record<string, VendorField>,
	statuses: StatusEntry[],
	forCreate: boolean,
): ResourceMapperField[] {
	return Object.entries(fields)
		.filter(([name, field]) => !readOnly(name, field))
		.map(([name, field]) => {
			const options = listOptions(field, statuses);
			const required =
				forCreate &&
				(field.isRequired === true || field.required === 'Y' || field.required === true);
			return {
				id: name,
				displayName: fieldLabel(name, field),
				required,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				type: options ? 'options' : (TYPES[field.type ?? ''] ?? 'string'),
				...(options ? { options } : {}),
			} satisfies ResourceMapperField;
		})
		.sort((a, b) => Number(b.required) - Number(a.required));
}

function listOptions(field: VendorField, statuses: StatusEntry[]) {
	if (field.type === 'char') {
		return [
			{ name: 'Yes (Y)', value: 'Y' },
			{ name: 'No (N)', value: 'N' },
		];
	}
	if (Array.isArray(field.items) && field.items.length > 0) {
		return field.items.map((item) => ({ name: item.VALUE, value: item.ID }));
	}
	if (field.type === 'crm_status' && field.statusType) {
		const items = statuses.filter((status) => status.ENTITY_ID === field.statusType);
		if (items.length > 0) {
			return items.map((status) => ({ name: status.NAME, value: status.STATUS_ID }));
		}
	}
	return undefined;
}

/** The field list inside a `fields` reply: the result itself, or its `fields` entry. */
export function fieldsIn(result: unknown, fieldsKey?: string): Record<string, VendorField> {
	const value = fieldsKey ? (result as IDataObject | undefined)?.[fieldsKey] : result;
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, VendorField>)
		: {};
}
