import { listOf } from '../php-params';

/**
 * How the portal stores a written value of each field type, and so what crm.*.get answers.
 * Formats as api-reference/data-types.md and api-reference/crm/data-types.md of the REST docs
 * (bitrix24/b24restdocs) give them: `date` is `YYYY-MM-DD`, `datetime` is
 * `YYYY-MM-DDThh:mm:ss±hh:mm`, a user-field `money` is `amount|CURRENCY`, a user-field `boolean`
 * is 1/0, `char` is Y/N. The portal answers dates and times in its own zone (Moscow, +03:00).
 * A value the type cannot take is not stored, as the portal drops it: it is kept apart in
 * `refused` so a test can see it was sent.
 */
export const PORTAL_OFFSET = '+03:00';
const PORTAL_OFFSET_MINUTES = 180;

export interface StorableField {
	type: string;
	isMultiple?: boolean;
	items?: Array<{ ID: string; VALUE: string }>;
}

export interface StoredFile {
	id: number;
	name: string;
	content: Buffer;
}

/** Files written through `fileData`, by ID, for the whole portal. */
export const storedFiles = new Map<number, StoredFile>();
let nextFileId = 500;

export class RefusedValue {
	constructor(readonly raw: unknown) {}
}

const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const DATE_TIME =
	/^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?(Z|[+-]\d\d:?\d\d)?$/;
const RU_DATE = /^(\d\d)\.(\d\d)\.(\d{4})$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant in the portal's zone, `YYYY-MM-DDThh:mm:ss+03:00`. */
export function portalDateTime(epochMs: number): string {
	const local = new Date(epochMs + PORTAL_OFFSET_MINUTES * 60_000);
	return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${PORTAL_OFFSET}`;
}

function offsetMinutes(zone: string | undefined): number {
	if (!zone) return PORTAL_OFFSET_MINUTES;
	if (zone === 'Z') return 0;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function storedDate(value: unknown): string | RefusedValue {
	const text = typeof value === 'string' ? value.trim() : '';
	const ru = RU_DATE.exec(text);
	const date = DATE.exec(text) ?? (ru ? [text, ru[3], ru[2], ru[1]] : null);
	if (date) return `${date[1]}-${date[2]}-${date[3]}T00:00:00${PORTAL_OFFSET}`;
	// A date and time given for a date: its own calendar day.
	const time = DATE_TIME.exec(text);
	if (time) return `${time[1]}-${time[2]}-${time[3]}T00:00:00${PORTAL_OFFSET}`;
	return new RefusedValue(value);
}

function storedDateTime(value: unknown): string | RefusedValue {
	const text = typeof value === 'string' ? value.trim() : '';
	const date = DATE.exec(text);
	if (date) return `${text}T00:00:00${PORTAL_OFFSET}`;
	const time = DATE_TIME.exec(text);
	if (!time) return new RefusedValue(value);
	const [, y, mo, d, h, mi, s, zone] = time;
	const utc =
		Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) -
		offsetMinutes(zone) * 60_000;
	return portalDateTime(utc);
}

const scalar = (value: unknown) => typeof value === 'string' || typeof value === 'number';

/**
 * How the method takes a file (api-reference/files/how-to-upload-files.md, "How to Choose a
 * Transfer Format"): crm.item.* a [name, base64] pair, the crm.deal/lead/contact/company methods
 * a `{fileData: [name, base64]}` object.
 */
export type FileForm = 'pair' | 'fileData';

function storedOne(field: StorableField, value: unknown, form: FileForm): unknown {
	switch (field.type) {
		case 'date':
			return storedDate(value);
		case 'datetime':
			return storedDateTime(value);
		case 'integer':
		case 'user':
		case 'employee':
		case 'crm_contact':
		case 'crm_company':
		case 'crm_category':
		case 'location':
			return scalar(value) && /^-?\d+$/.test(String(value).trim())
				? String(Number(value))
				: new RefusedValue(value);
		case 'double':
			return scalar(value) && String(value).trim() !== '' && Number.isFinite(Number(value))
				? String(value).trim()
				: new RefusedValue(value);
		case 'money':
			return typeof value === 'string' && /^-?\d+(\.\d+)?\|[A-Z]{3}$/.test(value)
				? value
				: new RefusedValue(value);
		case 'boolean':
			return ['1', 'Y', 'true'].includes(String(value))
				? '1'
				: ['0', 'N', 'false', ''].includes(String(value))
					? '0'
					: new RefusedValue(value);
		case 'char':
			return value === 'Y' || value === 'N' ? value : new RefusedValue(value);
		case 'enumeration':
			return (field.items ?? []).some((item) => item.ID === String(value))
				? String(value)
				: new RefusedValue(value);
		case 'crm_currency':
			return typeof value === 'string' && /^[A-Z]{3}$/.test(value)
				? value
				: new RefusedValue(value);
		case 'file':
			return storedFile(value, form);
		default:
			return scalar(value) ? String(value) : new RefusedValue(value);
	}
}

/** A new file in the method's form becomes a stored file; a kept file is passed by its ID. */
function storedFile(value: unknown, form: FileForm): unknown {
	// A file the field holds, passed by its ID, is kept (api-reference/files/how-to-update-files.md).
	const kept = storedFiles.get(Number((value as { id?: unknown } | null)?.id));
	if (kept && !(value as { fileData?: unknown }).fileData) return fileReply(kept.id, form);
	const data = form === 'pair' ? value : (value as { fileData?: unknown } | null)?.fileData;
	const parts = data !== null && typeof data === 'object' ? listOf(data) : [];
	if (parts.length !== 2 || typeof parts[0] !== 'string' || typeof parts[1] !== 'string') {
		return new RefusedValue(value);
	}
	const id = ++nextFileId;
	storedFiles.set(id, { id, name: parts[0], content: Buffer.from(parts[1], 'base64') });
	return fileReply(id, form);
}

/**
 * What a read answers for a stored file: crm.item.get `{id, url, urlMachine}` (the machine link
 * carries an access key: how-to-update-files.md), the older methods `{id, showUrl, downloadUrl}`.
 */
const fileReply = (id: number, form: FileForm) =>
	form === 'pair'
		? {
				id,
				url: `/bitrix/services/main/ajax.php?action=crm.controller.item.getFile&fileId=${id}`,
				urlMachine: `/rest/crm.controller.item.getFile.json?auth=machinekey${id}&token=crm%7C${id}`,
			}
		: {
				id: String(id),
				showUrl: `/show_file.php?fileId=${id}`,
				downloadUrl: `/download.php?fileId=${id}`,
			};

/**
 * The stored form of a written value, or a RefusedValue for a value the type cannot take
 * (a multiple field stores the values it can take and drops the rest).
 */
export function storedValue(
	field: StorableField,
	value: unknown,
	form: FileForm = 'fileData',
): unknown {
	if (value === null || value === '') return field.isMultiple ? [] : null;
	if (field.isMultiple) {
		const one = isFileData(value) || (form === 'pair' && field.type === 'file' && isPair(value));
		const list = typeof value === 'object' && !one ? listOf(value) : [value];
		const stored = list.map((entry) => storedOne(field, entry, form));
		const refused = stored.filter((entry) => entry instanceof RefusedValue);
		return refused.length > 0 ? new RefusedValue(value) : stored;
	}
	return storedOne(field, value, form);
}

/** A [name, Base64] pair, as JSON or as PHP's form (`{0: name, 1: base64}`) gives it. */
const isPair = (value: unknown) => {
	if (value === null || typeof value !== 'object') return false;
	const parts = listOf(value);
	return parts.length === 2 && parts.every((part) => typeof part === 'string');
};

const isFileData = (value: unknown) =>
	value !== null && typeof value === 'object' && 'fileData' in (value as object);
