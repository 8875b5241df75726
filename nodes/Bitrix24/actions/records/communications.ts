import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** crm.duplicate.findbycomm takes up to 20 values a call. */
export const MAX_FIND_VALUES = 20;

export type CommType = 'PHONE' | 'EMAIL';

/** The plain values of a multi-field as the form gives it (list of entries). */
export function commValues(fields: IDataObject, type: CommType): string[] {
	const entries = Array.isArray(fields[type]) ? (fields[type] as IDataObject[]) : [];
	return entries.map((entry) => String(entry.VALUE ?? '').trim()).filter(Boolean);
}

/** IDs crm.duplicate.findbycomm found for one entity type (`{CONTACT: [3, 7]}`, or `[]`). */
export function foundIds(result: unknown, entityType: string): number[] {
	if (!result || typeof result !== 'object' || Array.isArray(result)) return [];
	const ids = (result as IDataObject)[entityType];
	return Array.isArray(ids) ? ids.map(Number).filter((id) => id > 0) : [];
}

export const findCommand = (entityType: string, type: CommType, values: string[]) => ({
	method: 'crm.duplicate.findbycomm',
	params: { entity_type: entityType, type, values: values.slice(0, MAX_FIND_VALUES) },
});

export const searchByProperty: INodeProperties = {
	displayName: 'Search By',
	name: 'searchBy',
	type: 'options',
	options: [
		{ name: 'Phone', value: 'PHONE' },
		{ name: 'Email', value: 'EMAIL' },
	],
	default: 'PHONE',
};
