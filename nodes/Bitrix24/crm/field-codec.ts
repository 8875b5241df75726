import type { IDataObject } from 'n8n-workflow';

import { isLuxonDateTime, toBitrixDate, toBitrixDateTime } from './date-values';
import { FieldProblem } from './field-problem';
import { MULTI_FIELD_TYPE } from './field-schema';
import { multiFieldEntries } from './field-values';
import type { ListOption, PortalLists } from './portal-lists';
import { listSourceOf, optionsOf } from './portal-lists';
import type { VendorField } from './vendor-field';

/**
 * One value of the form as Bitrix24 takes it, by the type its field list reports (REST docs,
 * api-reference/data-types.md and api-reference/crm/data-types.md; user field types:
 * api-reference/crm/universal/user-defined-fields/crm-userfield-types.md).
 */

export interface CodecContext {
	/** The workflow's time zone: dates and times without an offset are read in it. */
	timeZone: string;
	/** The portal's lists, where the run read them (to take names for IDs). */
	lists: PortalLists;
	/** The value types phones, e-mails, websites and messengers are written with. */
	valueTypes: Record<string, string>;
	/** An item's binary property as name and base64 (file fields). */
	file: (property: string) => { name: string; base64: string };
	/**
	 * How the method takes a new file (api-reference/files/how-to-upload-files.md, "How to Choose
	 * a Transfer Format"): crm.item.* a [name, base64] pair, crm.deal/lead/contact/company.* a
	 * `{fileData: [name, base64]}` object.
	 */
	fileForm: 'pair' | 'fileData';
}

const INTEGER_TYPES = new Set([
	'integer',
	'user',
	'employee',
	'crm_contact',
	'crm_company',
	'crm_lead',
	'crm_deal',
	'crm_quote',
	'crm_entity',
	'crm_category',
	'location',
	'iblock_element',
	'iblock_section',
]);

const TRUE_WORDS = new Set(['true', 'y', 'yes', '1', 'да', 'on']);
const FALSE_WORDS = new Set(['false', 'n', 'no', '0', 'нет', 'off']);

/** A user field (UF_CRM_…, ufCrm…) writes booleans as 1/0; standard fields as Y/N. */
export const isUserField = (name: string, field: VendorField) =>
	field.isDynamic === true || /^uf_?/i.test(name);

/** Text that reads as an ID of a list (a stage ID `C1:NEW`, a number), not as a name. */
const looksLikeId = (type: string, text: string) =>
	type === 'crm_status' ? /^[A-Z0-9_]+(:[A-Z0-9_]+)?$/.test(text) : /^\d+$/.test(text);

/** Whether a value needs the portal's lists to be sent: a name where an ID goes. */
export function needsList(field: VendorField, value: unknown): boolean {
	if (!listSourceOf(field) || value === null || value === undefined) return false;
	const values = Array.isArray(value) ? value : [value];
	return values.some(
		(entry) =>
			(typeof entry === 'string' || typeof entry === 'number') &&
			!looksLikeId(field.type ?? '', String(entry).trim()),
	);
}

/** The value to send, or undefined when the form's value means "leave as it is" (empty). */
export function encodeValue(
	name: string,
	field: VendorField,
	value: unknown,
	context: CodecContext,
): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	const type = field.type ?? 'string';
	if (type === MULTI_FIELD_TYPE)
		return multiFieldEntries(value, context.valueTypes[name] ?? 'WORK');
	// The file the record holds, as Get gives it: left as it is (a new file would replace it).
	if (type === 'file' && field.isMultiple !== true && isStoredFile(value)) return undefined;
	if (field.isMultiple === true) {
		return listOf(type, value).map((entry) => encodeOne(name, field, entry, context));
	}
	return encodeOne(name, field, value, context);
}

/** A multiple field's values: a list, a JSON list, or text separated by commas (for non-text types). */
function listOf(type: string, value: unknown): unknown[] {
	if (Array.isArray(value)) return value.filter((entry) => entry !== null && entry !== '');
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) {
			try {
				const parsed: unknown = JSON.parse(text);
				if (Array.isArray(parsed)) return parsed;
			} catch {
				// Not a JSON list: read as text below.
			}
		}
		if (type === 'string' || type === 'url' || type === 'address') return [text];
		return text
			.split(',')
			.map((part) => part.trim())
			.filter(Boolean);
	}
	return [value];
}

function encodeOne(
	name: string,
	field: VendorField,
	value: unknown,
	context: CodecContext,
): unknown {
	const type = field.type ?? 'string';
	if (type === 'date') return toBitrixDate(value, context.timeZone);
	if (type === 'datetime') return toBitrixDateTime(value, context.timeZone);
	const options = optionsOf(field, context.lists);
	if (type === 'char') return yesNo(value, 'Y', 'N');
	if (type === 'boolean')
		return isUserField(name, field) ? yesNo(value, 1, 0) : yesNo(value, 'Y', 'N');
	if (field.items?.length || field.values) return fromOptions(value, options ?? [], 'ID');
	if (type === 'crm_status') return fromList(field, value, options ?? []);
	if (INTEGER_TYPES.has(type)) {
		return listSourceOf(field) ? fromList(field, value, options ?? []) : integer(value);
	}
	if (type === 'double') return decimal(value);
	if (type === 'money') return money(value);
	if (type === 'crm_currency') return currency(value);
	if (type === 'file') return file(value, context);
	if (isLuxonDateTime(value)) return value.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	if (typeof value === 'object') {
		throw new FieldProblem(
			`is a ${Array.isArray(value) ? 'list' : 'structure'}, not text: ${JSON.stringify(value).slice(0, 80)}`,
			'Map a single value to this field (for example one property of the item).',
		);
	}
	return String(value);
}

function yesNo<T>(value: unknown, yes: T, no: T): T {
	const word = String(value).trim().toLowerCase();
	if (value === true || TRUE_WORDS.has(word)) return yes;
	if (value === false || FALSE_WORDS.has(word)) return no;
	throw new FieldProblem(
		`is not yes or no: ${JSON.stringify(value)}`,
		'Enter true or false (or Y / N).',
	);
}

function integer(value: unknown): number {
	const text = String(value).trim();
	if (typeof value !== 'object' && /^-?\d+$/.test(text)) return Number(text);
	throw new FieldProblem(
		`is not a whole number: ${JSON.stringify(value)}`,
		'Enter an ID or a number such as 15.',
	);
}

/** Numbers as people write them too: "1 500,50" is 1500.5. */
function decimal(value: unknown): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	const text = String(value)
		.trim()
		.replace(/[\s\u00a0]/g, '')
		.replace(',', '.');
	if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
	throw new FieldProblem(
		`is not a number: ${JSON.stringify(value)}`,
		'Enter a number such as 1500.50.',
	);
}

const CURRENCY_HINT = 'Enter a three-letter currency code such as RUB, USD, EUR or KZT.';

function currency(value: unknown): string {
	const text = String(value).trim().toUpperCase();
	if (typeof value === 'string' && /^[A-Z]{3}$/.test(text)) return text;
	throw new FieldProblem(`is not a currency code: ${JSON.stringify(value)}`, CURRENCY_HINT);
}

/** A user field of type money: `amount|CURRENCY` (100|RUB); "100 RUB" and {amount, currency} also do. */
function money(value: unknown): string {
	const hint = 'Enter an amount and a currency such as 1500.50|RUB (or 1500.50 RUB).';
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const { amount, currency: code } = value as IDataObject;
		return `${decimal(amount)}|${currency(code)}`;
	}
	const match = /^\s*([^|\s]+(?:\s\d{3})*(?:[.,]\d+)?)\s*[|\s]\s*([A-Za-z]+)\s*$/.exec(
		String(value),
	);
	if (!match)
		throw new FieldProblem(`is not an amount with a currency: ${JSON.stringify(value)}`, hint);
	return `${decimal(match[1])}|${currency(match[2])}`;
}

/** A list option by its ID or by its name (case and spacing aside). */
function fromOptions(value: unknown, options: ListOption[], idWord: string): string {
	const text = String(value).trim();
	const byId = options.find((option) => option.value === text);
	if (byId) return byId.value;
	const folded = text.toLocaleLowerCase('ru');
	// An option's name as shown ("Доставка: Заявка", "Иван Петров (15)"), or without the pipeline or ID.
	const names = (option: ListOption) => [
		option.name,
		option.name.replace(/^.*?: /, ''),
		option.name.replace(/ \([^()]*\)$/, ''),
	];
	const byName = options.filter((option) =>
		names(option).some((name) => name.toLocaleLowerCase('ru') === folded),
	);
	if (byName.length === 1) return byName[0].value;
	const shown = options
		.slice(0, 8)
		.map((option) => `${option.name} (${option.value})`)
		.join(', ');
	if (byName.length > 1) {
		throw new FieldProblem(
			`names several options: ${byName.map((option) => option.value).join(', ')}`,
			`Enter the ${idWord} of the one you mean.`,
		);
	}
	throw new FieldProblem(
		`is not one of its options: ${JSON.stringify(value)}`,
		options.length > 0
			? `Enter an option's name or ${idWord}: ${shown}${options.length > 8 ? ', …' : ''}.`
			: `Enter the option's ${idWord}.`,
	);
}

/** A directory entry, pipeline or user: its ID as given, or the ID the portal's list has for a name. */
function fromList(field: VendorField, value: unknown, options: ListOption[]): string | number {
	const type = field.type ?? '';
	const text = String(value).trim();
	if (typeof value === 'object')
		throw new FieldProblem(`is not an ID: ${JSON.stringify(value)}`, 'Enter one ID or name.');
	if (looksLikeId(type, text) && (options.length === 0 || !options.some((o) => o.name === text))) {
		return type === 'crm_status' ? text : Number(text);
	}
	const id = fromOptions(text, options, type === 'crm_status' ? 'ID (such as C1:NEW)' : 'ID');
	return type === 'crm_status' ? id : Number(id);
}

const isStoredFile = (value: unknown) =>
	value !== null &&
	typeof value === 'object' &&
	!Array.isArray(value) &&
	'id' in value &&
	!('fileData' in value);

/**
 * A file field: an item's binary property by name, sent as the method takes a file
 * (api-reference/files/how-to-upload-files.md); a file already in the portal, as Get gives it
 * ({id, …}), is kept by its ID in a multiple field (api-reference/files/how-to-update-files.md:
 * the files whose ID is not passed are deleted).
 */
function file(value: unknown, context: CodecContext): unknown {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const record = value as IDataObject;
		if (Array.isArray(record.fileData)) return sentFile(record.fileData, context);
		if (record.id !== undefined) return { id: integer(record.id) };
	}
	if (
		Array.isArray(value) &&
		value.length === 2 &&
		value.every((part) => typeof part === 'string')
	) {
		return sentFile(value, context);
	}
	if (typeof value !== 'string' || value.trim() === '') {
		throw new FieldProblem(
			`is not the name of a binary property: ${JSON.stringify(value)}`,
			"Enter the name of the item's binary property that holds the file, such as data.",
		);
	}
	const { name, base64 } = context.file(value.trim());
	return sentFile([name, base64], context);
}

const sentFile = (pair: unknown[], context: CodecContext) =>
	context.fileForm === 'pair' ? pair : { fileData: pair };
