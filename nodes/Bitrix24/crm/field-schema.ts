import type { FieldType, IDataObject, ResourceMapperField } from 'n8n-workflow';

import type { PortalLists } from './portal-lists';
import type { VendorField } from './vendor-field';
import { optionsOf } from './portal-lists';
import type { RecordKind } from './record-kinds';

/** Phone, e-mail, web and messenger: a list of {VALUE, VALUE_TYPE} in Bitrix24, plain text in the form. */
export const MULTI_FIELD_TYPE = 'crm_multifield';

/** The form's input for each Bitrix24 type; list fields become options, the rest text. */
const TYPES: Record<string, FieldType> = {
	integer: 'number',
	double: 'number',
	date: 'dateTime',
	datetime: 'dateTime',
	boolean: 'boolean',
	crm_contact: 'number',
	crm_company: 'number',
	crm_lead: 'number',
	crm_deal: 'number',
	crm_entity: 'number',
	location: 'number',
};

/** A user field's own label (formLabel), else its title; standard fields have only a title. */
export function fieldLabel(name: string, field: VendorField): string {
	const label = field.formLabel || field.listLabel || field.title || name;
	return label === name ? name : `${label} (${name})`;
}

/** Fields a write does not take: read-only ones, the ID, the kind's own system fields, and on update the immutable ones. */
export function isWritable(
	kind: RecordKind,
	name: string,
	field: VendorField,
	forCreate: boolean,
): boolean {
	if (field.isReadOnly === true || field.primary === true || /^(ID|id)$/.test(name)) return false;
	if (kind.systemFields?.includes(name)) return false;
	return forCreate || field.isImmutable !== true;
}

/**
 * Required on create as the portal reports it for creation: crm.*.fields' `isRequired`; where
 * the method names its own required fields (tasks.task.add), those.
 */
export function isRequiredOnCreate(kind: RecordKind, name: string, field: VendorField): boolean {
	if (kind.requiredOnCreate) return kind.requiredOnCreate.includes(name);
	return field.isRequired === true || field.required === 'Y' || field.required === true;
}

/**
 * Resource mapper columns from the portal's field list: titles, types, required flags and the
 * options of list fields, every page of them (directories per pipeline, pipelines, users).
 * Required fields come first; fields a write does not take are left out.
 */
export function mapperColumns(
	kind: RecordKind,
	fields: Record<string, VendorField>,
	lists: PortalLists,
	forCreate: boolean,
): ResourceMapperField[] {
	return Object.entries(fields)
		.filter(([name, field]) => isWritable(kind, name, field, forCreate))
		.map(([name, field]) => {
			const options = optionsOf(field, lists);
			const multiple = field.isMultiple === true && field.type !== MULTI_FIELD_TYPE;
			return {
				id: name,
				displayName: fieldLabel(name, field),
				required: forCreate && isRequiredOnCreate(kind, name, field),
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				type: multiple ? 'array' : options ? 'options' : (TYPES[field.type ?? ''] ?? 'string'),
				...(options && !multiple ? { options } : {}),
			} satisfies ResourceMapperField;
		})
		.sort((a, b) => Number(b.required) - Number(a.required));
}

/**
 * The field list inside a `fields` reply (the result itself, or its `fields` entry), with the
 * kind's own corrections of types (a task's RESPONSIBLE_ID is a user, reported as an integer).
 */
export function fieldsIn(result: unknown, kind: RecordKind): Record<string, VendorField> {
	const value = kind.fieldsKey ? (result as IDataObject | undefined)?.[kind.fieldsKey] : result;
	if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
	const fields = { ...(value as Record<string, VendorField>) };
	for (const [name, type] of Object.entries(kind.typeOverrides ?? {})) {
		if (fields[name]) fields[name] = { ...fields[name], type };
	}
	return fields;
}
