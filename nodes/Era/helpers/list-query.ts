import type { IDataObject } from 'n8n-workflow';

/** The query of a read: text, and `flat` as a flag. */
export type ListQuery = Record<string, string | boolean>;

const BOOLEAN_FIELDS = new Set(['opts.allow_files_api', 'opts.issync']);

/** `mask` and `flat` as ERA expects them: a comma list and a flag sent only when set. */
export function outputQuery(options: IDataObject): ListQuery {
	const query: ListQuery = {};
	const mask = Array.isArray(options.mask) ? (options.mask as string[]) : [];
	if (mask.length > 0) query.mask = mask.join(',');
	if (options.flat === true) query.flat = true;
	return query;
}

interface Condition {
	field?: string;
	value?: unknown;
}

interface SortRule {
	field?: string;
	direction?: string;
}

/**
 * The list query: `filter` and `order` travel as URL-encoded JSON (ERA's docs give their types,
 * object and array, but not their encoding), `mask` and `flat` as for Get.
 */
export function listQuery(filters: IDataObject, options: IDataObject): ListQuery {
	const query = outputQuery(options);
	const conditions = (filters.conditions as Condition[] | undefined) ?? [];
	if (conditions.length > 0) {
		query.filter = JSON.stringify(
			Object.fromEntries(
				conditions
					.filter((condition) => condition.field)
					.map(({ field, value }) => [field, valueFor(field as string, value)]),
			),
		);
	}
	const rules = ((options.sort as IDataObject | undefined)?.rules as SortRule[] | undefined) ?? [];
	if (rules.length > 0) {
		query.order = JSON.stringify(
			rules
				.filter((rule) => rule.field)
				.map((rule) => ({ [rule.field as string]: rule.direction === 'desc' ? 'desc' : 'asc' })),
		);
	}
	return query;
}

function valueFor(field: string, value: unknown): unknown {
	if (BOOLEAN_FIELDS.has(field) && (value === 'true' || value === 'false')) return value === 'true';
	return value ?? '';
}
