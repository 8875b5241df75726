import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { ownerProperties } from '../crm-owner/owner';
import type { NumberedObject } from '../parameters/numbered-locator';
import { numberedLocator, numberIn } from '../parameters/numbered-locator';

/** Deals, leads, quotes and smart process items hold product rows. */
export const rowOwnerProperties = ownerProperties((kind) => kind.productRows === true);

const PRODUCT: NumberedObject = {
	noun: 'product',
	searchListMethod: 'searchProducts',
	idPlaceholder: '1243',
	urlPlaceholder: 'https://mycompany.bitrix24.ru/crm/catalog/23/product/1243/',
	urlPattern: 'https?://.+/catalog/\\d+/product/(\\d+)/?.*',
	fix: 'Pick the product from the list, or give its number or the address of its card.',
};

/** A product of the portal's catalog: from a searchable list, by ID, or by its card's URL. */
export const productProperty = numberedLocator(PRODUCT, {
	displayName: 'Product',
	name: 'productId',
	description: 'The catalog product the row is for; leave empty for a row with only a name',
});

const discountFields: INodeProperties[] = [
	{
		displayName: 'Discount Type',
		name: 'discountTypeId',
		type: 'options',
		options: [
			{ name: 'Percent', value: 2 },
			{ name: 'Amount', value: 1 },
		],
		default: 2,
		description:
			'Whether the discount is a percentage (Discount Rate) or an amount per unit (Discount Sum)',
	},
	{
		displayName: 'Discount Rate (%)',
		name: 'discountRate',
		type: 'number',
		default: 0,
	},
	{
		displayName: 'Discount Sum',
		name: 'discountSum',
		type: 'number',
		default: 0,
		description: 'The discount per unit, with Discount Type "Amount"',
	},
	{
		displayName: 'Measure Code',
		name: 'measureCode',
		type: 'number',
		default: 796,
		description: 'The unit of measure (единица измерения) by its code, such as 796 for pieces',
	},
	{ displayName: 'Sort', name: 'sort', type: 'number', default: 10 },
	{
		displayName: 'Tax Included',
		name: 'taxIncluded',
		type: 'boolean',
		default: false,
		description: 'Whether the price includes the tax',
	},
	{ displayName: 'Tax Rate (%)', name: 'taxRate', type: 'number', default: 0 },
];

/** The row's price, discount and tax fields, beyond product, name, price and quantity. */
export const rowOptionsProperty: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: discountFields,
};

export const rowBasics: INodeProperties[] = [
	{
		displayName: 'Product Name',
		name: 'productName',
		type: 'string',
		default: '',
		description: "The row's name; empty: the catalog product's name",
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
		description: 'Price per unit, with discount and tax',
	},
	{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1 },
];

/** Every field of a row, for Update and for each row of Set. */
export const allRowFields: INodeProperties[] = [
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'number',
		default: 0,
		description: 'The catalog product the row is for',
	},
	...rowBasics,
	...discountFields,
];

const NUMBERS = [
	'productId',
	'price',
	'quantity',
	'discountTypeId',
	'discountRate',
	'discountSum',
	'taxRate',
	'measureCode',
	'sort',
];

/** A row as the product row methods take it, from the form's values; numbers checked. */
export function rowFrom(
	context: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
	where: string,
): IDataObject {
	const row: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		if (value === undefined || value === null || value === '') continue;
		if (name === 'taxIncluded') {
			row.taxIncluded = value === true || value === 'Y' ? 'Y' : 'N';
			continue;
		}
		if (!NUMBERS.includes(name)) {
			row[name] = value;
			continue;
		}
		const number = Number(value);
		if (!Number.isFinite(number) || number < 0) {
			throw inputError(
				context.getNode(),
				`"${name}"${where === '' ? '' : ` ${where}`} in item ${itemIndex} is not a number of 0 or more: ${JSON.stringify(value)}`,
				'Give a number such as 1500 or 2.5.',
				itemIndex,
			);
		}
		if (name === 'productId' && number === 0) continue;
		row[name] = number;
	}
	return row;
}

/** The product's ID from the locator, or undefined when none is given. */
export function productIdOf(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return numberIn(context, PRODUCT, 'productId', 'Product', itemIndex);
}

const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * A row with what it comes to: `sum` (price × quantity), `discountTotal` and `taxTotal`
 * (the discount and the tax in that sum). The price is per unit with discount and tax
 * (crm_item_product_row: price, priceExclusive without tax, discountSum per unit).
 */
export function rowWithTotals(row: IDataObject): IDataObject {
	const quantity = Number(row.quantity ?? 0);
	const price = Number(row.price ?? 0);
	const exclusive = Number(row.priceExclusive ?? price);
	return {
		...row,
		sum: cents(price * quantity),
		discountTotal: cents(Number(row.discountSum ?? 0) * quantity),
		taxTotal: cents((price - exclusive) * quantity),
	};
}

/** The totals of a record's rows together. */
export function totalsOf(rows: IDataObject[]): IDataObject {
	const add = (field: string) => cents(rows.reduce((sum, row) => sum + Number(row[field]), 0));
	return { sum: add('sum'), discountTotal: add('discountTotal'), taxTotal: add('taxTotal') };
}

/** The product row inside an add/update/get result (`{productRow: …}`). */
export function productRowIn(result: unknown): IDataObject {
	const row = (result as IDataObject | null)?.productRow;
	return row && typeof row === 'object' ? (row as IDataObject) : {};
}

/** The product row's ID (from Get Many or Add). */
export const rowIdProperty: INodeProperties = {
	displayName: 'Product Row ID',
	name: 'rowId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '17649',
	description: 'The ID of the row (its ID in Get Many or Add), not of the product',
};

export function rowIdOf(context: IExecuteFunctions, itemIndex: number): number {
	const text = String(context.getNodeParameter('rowId', itemIndex, '')).trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw inputError(
			context.getNode(),
			`"Product Row ID" in item ${itemIndex} is not a row ID: ${JSON.stringify(text)}`,
			'Give the ID of the row as Get Many or Add returned it, such as 17649.',
			itemIndex,
		);
	}
	return Number(text);
}
