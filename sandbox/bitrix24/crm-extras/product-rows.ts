// crm.item.productrow.* as bitrix24/b24restdocs describes them:
// api-reference/crm/universal/product-rows/crm-item-productrow-{add,list,set,update,delete}.md,
// the row's fields in api-reference/crm/data-types.md (crm_item_product_row).
import { MethodError } from '../bitrix-errors';
import type { MethodContext, MethodResult } from '../methods';
import { listOf } from '../php-params';
import type { Row } from '../crm/query';
import { conditionsOf, matches, pageOf, sortRows } from '../crm/query';
import { entityTypeOfAbbr, ownerExists, required } from './owners';
import { DEMO_PRODUCTS } from './state';

type Method = (context: MethodContext) => MethodResult;

const WRITABLE = [
	'productId',
	'productName',
	'price',
	'quantity',
	'discountTypeId',
	'discountRate',
	'discountSum',
	'taxRate',
	'taxIncluded',
	'measureCode',
	'sort',
];
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The derived prices: `price` is per unit with discount and tax, `priceExclusive` without the
 * tax, `priceNetto` before the discount and tax, `priceBrutto` with the tax but not the discount.
 */
function priced(row: Row): Row {
	const price = Number(row.price ?? 0);
	const tax = row.taxRate === null || row.taxRate === undefined ? 0 : Number(row.taxRate);
	const exclusive = price / (1 + tax / 100);
	let netto: number;
	if (Number(row.discountTypeId) === 1) {
		netto = exclusive + Number(row.discountSum ?? 0);
		row.discountRate = netto === 0 ? 0 : round((Number(row.discountSum ?? 0) / netto) * 100);
	} else {
		const rate = Number(row.discountRate ?? 0);
		netto = rate >= 100 ? exclusive : exclusive / (1 - rate / 100);
		row.discountSum = round(netto - exclusive);
	}
	return {
		...row,
		priceAccount: round(price),
		priceExclusive: round(exclusive),
		priceNetto: round(netto),
		priceBrutto: round(netto * (1 + tax / 100)),
	};
}

function writeRow(row: Row, fields: Row): Row {
	for (const name of Object.keys(fields)) {
		if (!WRITABLE.includes(name)) {
			throw new MethodError(
				400,
				'INVALID_ARG_VALUE',
				`Unknown field or the field is not available for update: ${name}`,
			);
		}
	}
	const next: Row = { ...row };
	for (const name of WRITABLE) {
		if (fields[name] === undefined) continue;
		next[name] = ['productName', 'taxIncluded'].includes(name)
			? String(fields[name])
			: Number(fields[name]);
	}
	const product = DEMO_PRODUCTS.find((candidate) => candidate.id === Number(next.productId));
	if (!next.productName && product) next.productName = product.name;
	return priced(next);
}

function newRow(context: MethodContext, ownerType: unknown, ownerId: unknown, fields: Row): Row {
	const base: Row = {
		id: context.portal.crmExtras.nextId(),
		ownerId: Number(ownerId),
		ownerType: String(ownerType),
		productId: 0,
		productName: '',
		price: 0,
		quantity: 1,
		discountTypeId: 2,
		discountRate: 0,
		discountSum: 0,
		taxRate: null,
		taxIncluded: 'N',
		customized: 'Y',
		measureCode: 796,
		measureName: 'шт',
		sort: 10,
		xmlId: '',
		type: 4,
	};
	return writeRow(base, fields);
}

function checkOwner({ portal }: MethodContext, ownerType: unknown, ownerId: unknown) {
	if (ownerType === undefined || ownerId === undefined) throw required();
	const entityTypeId = entityTypeOfAbbr(ownerType);
	if (entityTypeId === undefined || [3, 4].includes(entityTypeId)) {
		throw new MethodError(
			400,
			'ENTITY_TYPE_NOT_SUPPORTED',
			'Working with this type of objects is not supported',
		);
	}
	if (!ownerExists(portal, entityTypeId, ownerId)) {
		throw new MethodError(400, 'OWNER_NOT_FOUND', 'The CRM object was not found');
	}
}

function rowOf(context: MethodContext, id: unknown): Row {
	if (id === undefined) throw required();
	const row = context.portal.crmExtras.productRows.find((candidate) => candidate.id === Number(id));
	if (!row) throw new MethodError(400, 'NOT_FOUND', 'Item not found');
	return row;
}

const fieldsOf = (value: unknown): Row => {
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw required();
	return value as Row;
};

export const PRODUCT_ROW_METHODS: Record<string, Method> = {
	'crm.item.productrow.add': (context) => {
		const { ownerType, ownerId, ...fields } = fieldsOf(context.params.fields);
		checkOwner(context, ownerType, ownerId);
		const row = newRow(context, ownerType, ownerId, fields);
		context.portal.crmExtras.productRows.push(row);
		return { result: { productRow: row } };
	},
	'crm.item.productrow.set': (context) => {
		const { ownerType, ownerId } = context.params;
		checkOwner(context, ownerType, ownerId);
		const extras = context.portal.crmExtras;
		const owned = (row: Row) =>
			row.ownerType === String(ownerType) && row.ownerId === Number(ownerId);
		const rows = listOf(context.params.productRows).map((fields) =>
			newRow(context, ownerType, ownerId, fieldsOf(fields)),
		);
		extras.productRows = [...extras.productRows.filter((row) => !owned(row)), ...rows];
		return { result: { productRows: rows } };
	},
	'crm.item.productrow.update': (context) => {
		const row = rowOf(context, context.params.id);
		const updated = writeRow(row, fieldsOf(context.params.fields));
		Object.assign(row, updated);
		return { result: { productRow: row } };
	},
	'crm.item.productrow.delete': (context) => {
		const row = rowOf(context, context.params.id);
		const extras = context.portal.crmExtras;
		extras.productRows = extras.productRows.filter((candidate) => candidate !== row);
		return { result: null };
	},
	'crm.item.productrow.list': (context) => {
		const filter = (context.params.filter ?? {}) as Row;
		if (filter['=ownerType'] === undefined || filter['=ownerId'] === undefined) throw required();
		const rows = sortRows(
			context.portal.crmExtras.productRows.filter((row) => matches(row, conditionsOf(filter))),
			context.params.order ?? { id: 'ASC' },
		);
		const page = pageOf(rows, context.params.start);
		return { ...page, result: { productRows: page.result } };
	},
};
