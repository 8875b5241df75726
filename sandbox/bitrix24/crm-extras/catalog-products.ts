// catalog.catalog.list and catalog.product.list as bitrix24/b24restdocs describes them:
// api-reference/catalog/catalog/catalog-catalog-list.md, api-reference/catalog/product/catalog-product-list.md.
import { MethodError } from '../bitrix-errors';
import type { MethodContext, MethodResult } from '../methods';
import { listOf } from '../php-params';
import type { Row } from '../crm/query';
import { conditionsOf, matches, pageOf, sortRows } from '../crm/query';
import { DEMO_CATALOGS, DEMO_PRODUCTS } from './state';

type Method = (context: MethodContext) => MethodResult;

const pick = (row: Row, select: string[]) =>
	select.length === 0
		? row
		: Object.fromEntries(select.filter((f) => f in row).map((f) => [f, row[f]]));

export const CATALOG_METHODS: Record<string, Method> = {
	'catalog.catalog.list': ({ params }) => {
		const page = pageOf(sortRows(DEMO_CATALOGS, params.order), params.start);
		const select = listOf(params.select).map(String);
		return {
			...page,
			result: { catalogs: (page.result as Row[]).map((row) => pick(row, select)) },
		};
	},
	'catalog.product.list': ({ params }) => {
		const select = listOf(params.select).map(String);
		if (!select.includes('id') || !select.includes('iblockId')) {
			throw new MethodError(400, '0', 'Required select fields: id, iblockId');
		}
		const filter = (params.filter ?? {}) as Row;
		if (filter.iblockId === undefined || filter.iblockId === '') {
			throw new MethodError(400, '0', 'Required filter fields: iblockId');
		}
		const rows = sortRows(
			DEMO_PRODUCTS.filter((row) => matches(row, conditionsOf(filter))),
			params.order,
		);
		const page = pageOf(rows, params.start);
		return {
			...page,
			result: { products: (page.result as Row[]).map((row) => pick(row, select)) },
		};
	},
};
