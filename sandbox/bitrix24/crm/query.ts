import { MethodError } from '../bitrix-errors';
import { listOf } from '../php-params';

/** A stored record: scalars as strings (as Bitrix24 answers them), multi-fields as lists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>;

export const PAGE_SIZE = 50;

/** Filter key prefixes, longest first, so ">=" is not read as ">". */
const OPERATORS = ['>=', '<=', '!=', '!%', '!@', '=%', '>', '<', '=', '%', '@', '!'] as const;
type Operator = (typeof OPERATORS)[number] | '';

interface Condition {
	field: string;
	operator: Operator;
	value: unknown;
}

export function conditionsOf(filter: unknown): Condition[] {
	if (filter === undefined || filter === null || filter === '') return [];
	if (typeof filter !== 'object')
		throw new MethodError(400, '', 'Parameter filter must be an array');
	return Object.entries(filter as Row).map(([key, value]) => {
		const operator = OPERATORS.find((candidate) => key.startsWith(candidate)) ?? '';
		return { field: key.slice(operator.length), operator, value };
	});
}

/** The values a field holds: a multi-field holds each of its VALUEs. */
function valuesOf(row: Row, field: string): unknown[] {
	const value = field in row ? row[field] : lowerLookup(row, field);
	if (Array.isArray(value)) {
		return value.map((entry) =>
			entry && typeof entry === 'object' ? (entry as Row).VALUE : entry,
		);
	}
	return [value];
}

/** Tasks and items answer camelCase but filter in UPPER_CASE (`ID` finds `id`). */
function lowerLookup(row: Row, field: string): unknown {
	const camel = field.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
	return row[camel];
}

function compare(left: unknown, right: unknown): number {
	const a = String(left ?? '');
	const b = String(right ?? '');
	const numberA = Number(a);
	const numberB = Number(b);
	if (a !== '' && b !== '' && Number.isFinite(numberA) && Number.isFinite(numberB)) {
		return numberA - numberB;
	}
	const dateA = Date.parse(a);
	const dateB = Date.parse(b);
	if (/^\d{4}-\d\d-\d\d/.test(a) && /^\d{4}-\d\d-\d\d/.test(b) && !isNaN(dateA) && !isNaN(dateB)) {
		return dateA - dateB;
	}
	return a.localeCompare(b);
}

/** A boolean field (a user's ACTIVE) matches true, "true", "Y" and "1", the forms a query carries. */
const same = (left: unknown, right: unknown) => {
	if (typeof left === 'boolean') return left === ['1', 'true', 'Y'].includes(String(right));
	return (left ?? '') === '' ? (right ?? '') === '' : compare(left, right) === 0;
};

function holds(value: unknown, { operator, value: wanted }: Condition): boolean {
	const list = typeof wanted === 'object' && wanted !== null ? listOf(wanted) : [wanted];
	const text = String(value ?? '').toLowerCase();
	switch (operator) {
		case '':
		case '=':
			return list.some((entry) => same(value, entry));
		case '!':
		case '!=':
		case '!@':
			return !list.some((entry) => same(value, entry));
		case '@':
			return list.some((entry) => same(value, entry));
		case '%':
		case '=%':
			return text.includes(
				String(wanted ?? '')
					.replace(/%/g, '')
					.toLowerCase(),
			);
		case '!%':
			return !text.includes(String(wanted ?? '').toLowerCase());
		case '>':
			return value !== null && value !== undefined && compare(value, wanted) > 0;
		case '<':
			return value !== null && value !== undefined && compare(value, wanted) < 0;
		case '>=':
			return value !== null && value !== undefined && compare(value, wanted) >= 0;
		case '<=':
			return value !== null && value !== undefined && compare(value, wanted) <= 0;
	}
}

export function matches(row: Row, conditions: Condition[]): boolean {
	return conditions.every((condition) => {
		const values = valuesOf(row, condition.field);
		const negative = condition.operator.startsWith('!');
		return negative
			? values.every((value) => holds(value, condition))
			: values.some((value) => holds(value, condition));
	});
}

/** `order: {FIELD: "ASC"|"DESC", …}`; ID ascending when none is given. */
export function sortRows(rows: Row[], order: unknown): Row[] {
	const keys =
		order && typeof order === 'object' && Object.keys(order).length > 0
			? Object.entries(order as Row).map(([field, way]) => ({
					field,
					down: String(way).toUpperCase() === 'DESC',
				}))
			: [{ field: 'ID', down: false }];
	return [...rows].sort((a, b) => {
		for (const { field, down } of keys) {
			const difference = compare(valuesOf(a, field)[0], valuesOf(b, field)[0]);
			if (difference !== 0) return down ? -difference : difference;
		}
		return 0;
	});
}

/** `select`: listed fields; `*` every standard field, `UF_*` every user field; none: the default set. */
export function selectFields(row: Row, select: unknown, defaults: (field: string) => boolean): Row {
	const wanted = listOf(select).map(String);
	const keep = (field: string) =>
		wanted.length === 0
			? defaults(field)
			: wanted.includes(field) ||
				(wanted.includes('*') && defaults(field)) ||
				(wanted.includes('UF_*') && field.startsWith('UF_'));
	const picked = Object.fromEntries(Object.entries(row).filter(([field]) => keep(field)));
	if ('ID' in row) picked.ID = row.ID;
	return picked;
}

/** One list page: 50 rows with total and next, or with `start=-1` 50 rows and no count at all. */
export function pageOf(rows: Row[], start: unknown) {
	if (Number(start) === -1) return { result: rows.slice(0, PAGE_SIZE) };
	const from = Math.max(0, Number(start) || 0);
	const next = from + PAGE_SIZE < rows.length ? from + PAGE_SIZE : undefined;
	return {
		result: rows.slice(from, from + PAGE_SIZE),
		total: rows.length,
		...(next === undefined ? {} : { next }),
	};
}
