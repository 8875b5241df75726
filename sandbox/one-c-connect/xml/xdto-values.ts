/**
 * XDTO values (namespace http://v8.1c.ru/8.1/data/core) as the simulator reads and writes them,
 * following the vendor page's example exchange: Structure (`Property name` + `Value`), ValueTable
 * (`column` with `Name`/`ValueType`, then `row` of `Value` in column order), typed scalars, nil.
 */
import type { XmlElement } from './xml-tree';
import { attributeOf, childNamed, childrenNamed, resolveQName } from './xml-tree';

export const XDTO_CORE_NS = 'http://v8.1c.ru/8.1/data/core';
export const XS_NS = 'http://www.w3.org/2001/XMLSchema';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export type SimValue =
	| string
	| number
	| boolean
	| null
	| Date
	| SimValue[]
	| { [key: string]: SimValue };

const NUMERIC = new Set(['decimal', 'int', 'integer', 'long', 'short', 'double', 'float']);

function typeOf(element: XmlElement, fallback?: string): string {
	const declared = attributeOf(element, 'type', XSI_NS);
	return declared === undefined ? (fallback ?? '') : resolveQName(element, declared).local;
}

function scalar(type: string, text: string): SimValue {
	if (NUMERIC.has(type)) {
		const number = Number(text.trim());
		if (Number.isNaN(number)) throw new Error(`"${text}" is not a ${type}`);
		return number;
	}
	if (type === 'boolean') return ['true', '1'].includes(text.trim());
	if (type === 'dateTime') return text.trim();
	return text;
}

/** One typed element (`Params`, `Value`) as a plain value. */
export function readXdtoValue(element: XmlElement, fallbackType?: string): SimValue {
	if (attributeOf(element, 'nil', XSI_NS) === 'true') return null;
	const type = typeOf(element, fallbackType);
	if (type === 'Structure' || (type === '' && childNamed(element, 'Property'))) {
		return readStructure(element);
	}
	if (type === 'ValueTable' || (type === '' && childNamed(element, 'column'))) {
		return readValueTable(element);
	}
	if (type === 'Array' || type === 'FixedArray') {
		return childrenNamed(element, 'Value').map((each) => readXdtoValue(each));
	}
	return scalar(type, element.text);
}

function readStructure(element: XmlElement): Record<string, SimValue> {
	const result: Record<string, SimValue> = {};
	for (const property of childrenNamed(element, 'Property')) {
		const name = attributeOf(property, 'name');
		const value = childNamed(property, 'Value');
		if (name !== undefined) result[name] = value ? readXdtoValue(value) : null;
	}
	return result;
}

function readValueTable(element: XmlElement): Array<Record<string, SimValue>> {
	const columns = childrenNamed(element, 'column').map((column) => {
		const types = childrenNamed(childNamed(column, 'ValueType') ?? column, 'Type');
		const type = types.length === 1 ? resolveQName(types[0], types[0].text).local : undefined;
		return { name: (childNamed(column, 'Name')?.text ?? '').trim(), type };
	});
	return childrenNamed(element, 'row').map((row) => {
		const values = childrenNamed(row, 'Value');
		return Object.fromEntries(
			columns.map((column, index) => [
				column.name,
				values[index] ? readXdtoValue(values[index], column.type) : null,
			]),
		);
	});
}

export function escapeText(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

const WALL_CLOCK = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;

/** 1C's dateTime: a wall-clock time without a zone (the cabinet's API time zone). */
function dateTimeText(value: Date | string): string {
	if (value instanceof Date) return value.toISOString().slice(0, 19);
	return WALL_CLOCK.test(value) ? value : new Date(value).toISOString().slice(0, 19);
}

interface Typed {
	type?: string;
	content: string;
}

/** String values in these columns (or properties) travel as xs:dateTime. */
export type DateNames = ReadonlySet<string>;

function typed(value: SimValue | undefined, asDate: boolean, dates: DateNames): Typed {
	if (value === null || value === undefined) return { content: '' };
	if (value instanceof Date || (asDate && typeof value === 'string' && value !== '')) {
		return { type: 'xs:dateTime', content: dateTimeText(value) };
	}
	if (typeof value === 'string') return { type: 'xs:string', content: escapeText(value) };
	if (typeof value === 'number') return { type: 'xs:decimal', content: String(value) };
	if (typeof value === 'boolean') return { type: 'xs:boolean', content: String(value) };
	if (Array.isArray(value)) {
		return {
			type: 'ValueTable',
			content: valueTableXml(value as Array<Record<string, SimValue>>, dates),
		};
	}
	return { type: 'Structure', content: structureXml(value, dates) };
}

/** `<Value xsi:type="…">…</Value>`, or nil; elements take the default (XDTO core) namespace. */
export function valueXml(value: SimValue | undefined, dates: DateNames, name = ''): string {
	const { type, content } = typed(value, dates.has(name), dates);
	return type === undefined
		? '<Value xsi:nil="true"/>'
		: `<Value xsi:type="${type}">${content}</Value>`;
}

/** Property elements of a Structure. */
export function structureXml(value: Record<string, SimValue>, dates: DateNames): string {
	return Object.entries(value)
		.map(
			([name, each]) =>
				`<Property name="${escapeText(name)}">${valueXml(each, dates, name)}</Property>`,
		)
		.join('');
}

const COLUMN_TYPES: Record<string, string> = {
	'xs:string':
		'<Type>xs:string</Type><StringQualifiers><Length>0</Length><AllowedLength>Variable</AllowedLength></StringQualifiers>',
	'xs:dateTime':
		'<Type>xs:dateTime</Type><DateQualifiers><DateFractions>DateTime</DateFractions></DateQualifiers>',
	'xs:decimal': '<Type>xs:decimal</Type>',
	'xs:boolean': '<Type>xs:boolean</Type>',
};

/** Columns (every key of every row, in order of first appearance), then rows in column order. */
export function valueTableXml(rows: Array<Record<string, SimValue>>, dates: DateNames): string {
	const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const columns = names.map((name) => {
		const types = new Set(
			rows
				.map((row) => typed(row[name], dates.has(name), dates).type)
				.filter((type) => type !== undefined),
		);
		const [only] = types;
		const valueType = types.size === 1 && only && COLUMN_TYPES[only] ? COLUMN_TYPES[only] : '';
		return `<column><Name>${escapeText(name)}</Name>${valueType ? `<ValueType>${valueType}</ValueType>` : '<ValueType/>'}</column>`;
	});
	const body = rows.map(
		(row) => `<row>${names.map((name) => valueXml(row[name], dates, name)).join('')}</row>`,
	);
	return columns.join('') + body.join('');
}
