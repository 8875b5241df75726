/**
 * 1C:Enterprise XDTO values (namespace http://v8.1c.ru/8.1/data/core) to and from JSON.
 * Structure ↔ object, ValueTable ↔ array of objects, Array ↔ array, typed scalars ↔ JSON scalars,
 * nil ↔ null. No n8n imports: the unit tests use it as it is.
 */
import { UntrustedXmlReader, problemOf } from '../../shared/xml/xml-reader';
import { XdtoValueReader } from './value-reader';
import type { XdtoJson, XdtoScalarType } from './values';

export type { XdtoJson, XdtoObject, XdtoScalarType } from './values';

export const XDTO_CORE_NS = 'http://v8.1c.ru/8.1/data/core';
export const XS_NS = 'http://www.w3.org/2001/XMLSchema';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** A value that cannot travel as XDTO, or a reply that is not XDTO. */
export class XdtoError extends Error {}

export interface EncodeOptions {
	/** Prefix bound to the core namespace in the surrounding XML; '' when it is the default one. */
	prefix?: string;
	/** Types by property (or column) name, for values whose JSON type is ambiguous (dates). */
	types?: Record<string, XdtoScalarType>;
}

// ---------- encoding ----------

/** Characters XML 1.0 cannot carry at all, even as references: C0 controls, unpaired surrogates. */
function firstNonXmlCharacter(text: string): number {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return index;
		if (code === 0xfffe || code === 0xffff) return index;
		if (code >= 0xd800 && code <= 0xdbff) {
			const next = text.charCodeAt(index + 1);
			if (!(next >= 0xdc00 && next <= 0xdfff)) return index;
			index++;
		} else if (code >= 0xdc00 && code <= 0xdfff) return index;
	}
	return -1;
}

/** Escapes text for element content and double-quoted attributes; CR and TAB survive parsing. */
export function escapeXml(text: string): string {
	if (firstNonXmlCharacter(text) !== -1) {
		throw new XdtoError(
			`The value ${JSON.stringify(text.slice(0, 40))} contains a control character that XML cannot carry; remove it`,
		);
	}
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')
		.replace(/\r/g, '&#13;')
		.replace(/\t/g, '&#9;');
}

const DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * 1C's xs:dateTime has no zone: the wall-clock time as written is kept (the cabinet's API time
 * zone applies), a zone suffix and fractions are dropped. A Date object gives its UTC time.
 */
export function toXdtoDateTime(value: unknown): string {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new XdtoError('An invalid date cannot be sent');
		return value.toISOString().slice(0, 19);
	}
	const match = DATE_TIME.exec(String(value).trim());
	if (!match) {
		throw new XdtoError(
			`"${String(value)}" is not a date and time; use the form 2019-08-01T01:00:00`,
		);
	}
	return `${match[1]}T${match[2] ?? '00:00'}${match[3] ?? ':00'}`;
}

interface Typed {
	/** The xsi:type, or undefined for nil. */
	type?: string;
	/** Escaped content. */
	content: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return (
		typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
	);
}

function isTable(value: unknown[]): value is Array<Record<string, unknown>> {
	return value.length > 0 && value.every(isPlainObject);
}

function typed(value: unknown, hint: XdtoScalarType | undefined, options: EncodeOptions): Typed {
	const core = (name: string) => (options.prefix ? `${options.prefix}:${name}` : name);
	if (value === null || value === undefined) return { content: '' };
	if (hint === 'dateTime' || value instanceof Date) {
		return { type: 'xs:dateTime', content: toXdtoDateTime(value) };
	}
	if (hint === 'string') return { type: 'xs:string', content: escapeXml(String(value)) };
	if (typeof value === 'boolean' || hint === 'boolean') {
		const flag = typeof value === 'boolean' ? value : readBoolean(value);
		return { type: 'xs:boolean', content: String(flag) };
	}
	if (typeof value === 'number' || typeof value === 'bigint' || hint === 'decimal') {
		const number = String(value).trim();
		if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(number)) {
			throw new XdtoError(`"${String(value)}" is not a number`);
		}
		return { type: 'xs:decimal', content: toPlainDecimal(number) };
	}
	if (typeof value === 'string') return { type: 'xs:string', content: escapeXml(value) };
	if (Array.isArray(value)) {
		if (isTable(value)) {
			return {
				type: core('ValueTable'),
				content: encodeValueTable(value, options),
			};
		}
		return {
			type: core('Array'),
			content: value.map((entry) => valueElement(entry, undefined, options)).join(''),
		};
	}
	if (isPlainObject(value)) {
		return {
			type: core('Structure'),
			content: encodeStructure(value, options),
		};
	}
	throw new XdtoError(`A value of type ${typeof value} cannot be sent to 1C`);
}

function readBoolean(value: unknown): boolean {
	const text = String(value).trim().toLowerCase();
	if (text === 'true' || text === '1') return true;
	if (text === 'false' || text === '0') return false;
	throw new XdtoError(`"${String(value)}" is not true or false`);
}

/** xs:decimal has no exponent. */
function toPlainDecimal(number: string): string {
	if (!/[eE]/.test(number)) return number;
	const parsed = Number(number);
	if (!Number.isFinite(parsed)) throw new XdtoError(`"${number}" is not a finite number`);
	return parsed.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function element(name: string, options: EncodeOptions): string {
	return options.prefix ? `${options.prefix}:${name}` : name;
}

function valueElement(value: unknown, hint: XdtoScalarType | undefined, options: EncodeOptions) {
	const tag = element('Value', options);
	const { type, content } = typed(value, hint, options);
	if (type === undefined) return `<${tag} xsi:nil="true"/>`;
	return `<${tag} xsi:type="${type}">${content}</${tag}>`;
}

/** The Property elements of a Structure (what goes inside an element of type Structure). */
export function encodeStructure(
	value: Record<string, unknown>,
	options: EncodeOptions = {},
): string {
	const property = element('Property', options);
	return Object.entries(value)
		.filter(([, entry]) => entry !== undefined)
		.map(
			([name, entry]) =>
				`<${property} name="${escapeXml(name)}">${valueElement(entry, options.types?.[name], options)}</${property}>`,
		)
		.join('');
}

function columnType(type: string | undefined, options: EncodeOptions): string {
	const tag = (name: string) => element(name, options);
	if (type === 'xs:string') {
		return `<${tag('Type')}>xs:string</${tag('Type')}><${tag('StringQualifiers')}><${tag('Length')}>0</${tag('Length')}><${tag('AllowedLength')}>Variable</${tag('AllowedLength')}></${tag('StringQualifiers')}>`;
	}
	if (type === 'xs:decimal') {
		return `<${tag('Type')}>xs:decimal</${tag('Type')}><${tag('NumberQualifiers')}><${tag('Digits')}>0</${tag('Digits')}><${tag('FractionDigits')}>0</${tag('FractionDigits')}><${tag('AllowedSign')}>Any</${tag('AllowedSign')}></${tag('NumberQualifiers')}>`;
	}
	if (type === 'xs:dateTime') {
		return `<${tag('Type')}>xs:dateTime</${tag('Type')}><${tag('DateQualifiers')}><${tag('DateFractions')}>DateTime</${tag('DateFractions')}></${tag('DateQualifiers')}>`;
	}
	if (type === 'xs:boolean') return `<${tag('Type')}>xs:boolean</${tag('Type')}>`;
	return '';
}

/**
 * The columns and rows of a ValueTable: columns are every key of every row, in order of first
 * appearance; each row gives one typed Value per column, nil where the row has none.
 */
export function encodeValueTable(
	rows: Array<Record<string, unknown>>,
	options: EncodeOptions = {},
): string {
	const names: string[] = [];
	for (const row of rows) {
		for (const name of Object.keys(row)) if (!names.includes(name)) names.push(name);
	}
	const encodedRows = rows.map((row) =>
		names.map((name) => ({ name, ...typed(row[name], options.types?.[name], options) })),
	);
	const tag = (name: string) => element(name, options);
	const columns = names.map((name, index) => {
		const types = new Set(encodedRows.map((row) => row[index].type).filter(Boolean));
		const single = types.size === 1 ? [...types][0] : undefined;
		const valueType = single ? columnType(single, options) : '';
		const valueTypeXml = valueType
			? `<${tag('ValueType')}>${valueType}</${tag('ValueType')}>`
			: `<${tag('ValueType')}/>`;
		return `<${tag('column')}><${tag('Name')}>${escapeXml(name)}</${tag('Name')}>${valueTypeXml}</${tag('column')}>`;
	});
	const value = tag('Value');
	const rowXml = encodedRows.map(
		(row) =>
			`<${tag('row')}>${row
				.map(({ type, content }) =>
					type === undefined
						? `<${value} xsi:nil="true"/>`
						: `<${value} xsi:type="${type}">${content}</${value}>`,
				)
				.join('')}</${tag('row')}>`,
	);
	return columns.join('') + rowXml.join('');
}

/** One complete element (such as `m:Params`) holding a Structure or, for an array, a ValueTable. */
export function encodeXdtoElement(
	tag: string,
	value: Record<string, unknown> | Array<Record<string, unknown>>,
	types?: Record<string, XdtoScalarType>,
): string {
	const options: EncodeOptions = { prefix: 'v8', types };
	const declarations = `xmlns:v8="${XDTO_CORE_NS}" xmlns:xs="${XS_NS}" xmlns:xsi="${XSI_NS}"`;
	if (Array.isArray(value)) {
		return `<${tag} ${declarations} xsi:type="v8:ValueTable">${encodeValueTable(value, options)}</${tag}>`;
	}
	return `<${tag} ${declarations} xsi:type="v8:Structure">${encodeStructure(value, options)}</${tag}>`;
}

// ---------- decoding ----------

/**
 * Decodes a complete XDTO document whose root element holds one value, reading it as a stream
 * of XML events (no tree). Throws XdtoError when it is not readable XML.
 */
export function decodeXdtoDocument(text: string): XdtoJson {
	const value = new XdtoValueReader();
	const reader = new UntrustedXmlReader('1C-Connect', value, {
		removeNamespacePrefixes: true,
		characterReferences: true,
	});
	const problem = problemOf(() => {
		reader.writeText(text);
		reader.end();
	});
	if (problem) throw new XdtoError(problem.message);
	if (!value.done) throw new XdtoError('The XML has no root element');
	return value.value;
}
