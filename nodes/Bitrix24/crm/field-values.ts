import type { IDataObject } from 'n8n-workflow';

export const MULTI_FIELDS = ['PHONE', 'EMAIL', 'WEB', 'IM'];

/** The value types (VALUE_TYPE) the form offers for each multi-field. */
export const MULTI_FIELD_VALUE_TYPES: Record<string, string[]> = {
	PHONE: ['WORK', 'MOBILE', 'HOME', 'FAX', 'PAGER', 'OTHER'],
	EMAIL: ['WORK', 'HOME', 'MAILING', 'OTHER'],
	WEB: ['WORK', 'HOME', 'FACEBOOK', 'VK', 'TELEGRAM', 'OTHER'],
	IM: ['TELEGRAM', 'WHATSAPP', 'VIBER', 'SKYPE', 'OTHER'],
};

/** "a, b" or ["a", "b"] → [{VALUE: "a", VALUE_TYPE: type}, …]; values already in Bitrix24's shape pass. */
export function multiFieldEntries(value: unknown, valueType: string): IDataObject[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(/[,;\n]/);
	return list
		.map((entry) =>
			entry && typeof entry === 'object'
				? (entry as IDataObject)
				: { VALUE: String(entry).trim(), VALUE_TYPE: valueType },
		)
		.filter((entry) => String(entry.VALUE ?? '').trim() !== '');
}

/** Simplify: multi-fields become their values joined by ", ", and empty fields are left out. */
export function simplifyRecord(record: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const [name, value] of Object.entries(record)) {
		if (value === null || value === '' || value === undefined) continue;
		if (
			Array.isArray(value) &&
			value.every((entry) => entry && typeof entry === 'object' && 'VALUE' in entry)
		) {
			if (value.length === 0) continue;
			simple[name] = value.map((entry) => String((entry as IDataObject).VALUE)).join(', ');
			continue;
		}
		simple[name] = value as IDataObject;
	}
	return simple;
}
