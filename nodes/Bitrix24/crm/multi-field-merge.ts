import type { IDataObject } from 'n8n-workflow';

import { MULTI_FIELDS } from './field-values';

/**
 * Phones, e-mails, websites and messengers on a record that already has some. Bitrix24 adds
 * every entry sent without an ID, changes the entry whose ID is sent, and removes one sent with
 * its ID and an empty VALUE (REST docs, api-reference/crm/contacts/crm-contact-update.md,
 * "Working with Multiple Fields"). So an update that sends a phone the record has stores it twice; here
 * values compare by what they mean: a phone by its digits (a Russian 8 read as 7), an e-mail,
 * website or messenger without case, a website also without its scheme and final slash.
 */
export function sameValue(type: string, value: unknown): string {
	const text = String(value ?? '').trim();
	if (type === 'PHONE') {
		const digits = text.replace(/\D/g, '');
		return digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
	}
	if (type === 'WEB')
		return text
			.toLowerCase()
			.replace(/^https?:\/\//, '')
			.replace(/\/+$/, '');
	return text.toLowerCase();
}

const entriesIn = (value: unknown): IDataObject[] =>
	Array.isArray(value)
		? (value as IDataObject[]).filter((entry) => entry && typeof entry === 'object')
		: [];

/**
 * The entries to send for one multi-field. Adding (the default): entries the record does not
 * already hold, each once; entries given with an ID are sent as they are (a change of that
 * entry). Replacing: the record ends up holding exactly the given values: entries it holds
 * that are not given are removed (ID with an empty VALUE), those it holds are kept with their
 * IDs, the rest are added.
 */
export function mergeMultiField(
	type: string,
	wanted: IDataObject[],
	existing: IDataObject[],
	replace: boolean,
): IDataObject[] {
	const held = new Map(existing.map((entry) => [sameValue(type, entry.VALUE), entry]));
	const sent: IDataObject[] = [];
	const kept = new Set<string>();
	const seen = new Set<string>();
	for (const entry of wanted) {
		if (entry.ID !== undefined && entry.ID !== null && entry.ID !== '') {
			sent.push(entry);
			kept.add(String(entry.ID));
			continue;
		}
		const key = sameValue(type, entry.VALUE);
		if (key === '' || seen.has(key)) continue;
		seen.add(key);
		const current = held.get(key);
		if (!current) {
			sent.push(entry);
			continue;
		}
		kept.add(String(current.ID));
		if (replace && entry.VALUE_TYPE && entry.VALUE_TYPE !== current.VALUE_TYPE) {
			sent.push({ ID: current.ID, VALUE: current.VALUE, VALUE_TYPE: entry.VALUE_TYPE });
		}
	}
	if (replace) {
		for (const entry of existing) {
			if (!kept.has(String(entry.ID))) sent.push({ ID: entry.ID, VALUE: '' });
		}
	}
	return sent;
}

/** The fields to send on an update of `record`: each multi-field merged with what it holds. */
export function mergeMultiFields(
	fields: IDataObject,
	record: IDataObject,
	replace: boolean,
): IDataObject {
	const result = { ...fields };
	for (const type of MULTI_FIELDS) {
		if (!Array.isArray(result[type])) continue;
		const merged = mergeMultiField(type, entriesIn(result[type]), entriesIn(record[type]), replace);
		if (merged.length > 0) result[type] = merged;
		else delete result[type];
	}
	return result;
}

/** Whether any multi-field is being written (and so the record's own entries must be read first). */
export const writesMultiFields = (fields: IDataObject) =>
	MULTI_FIELDS.some((type) => Array.isArray(fields[type]));
