import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

// ATI's payment in its own words (ati.su/developers/api/orders/personal-invitations): a rate
// "Сумма" (price/currency_id), "Сумма с НДС" (nds_price/nds_currency_id) or "Сумма без НДС"
// (not_nds_price/not_nds_currency_id).

const VAT_RATES = {
	any: ['price', 'currency_id'],
	withVat: ['nds_price', 'nds_currency_id'],
	withoutVat: ['not_nds_price', 'not_nds_currency_id'],
} as const;

export const paymentProperties: INodeProperties[] = [
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'The rate for the whole trip; 0 leaves the rate open ("запрос ставки")',
	},
	{
		displayName: 'Currency Name or ID',
		name: 'currencyId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCurrencies' },
		default: '',
		description:
			'The currency of the rate, from ATI\'s currency dictionary. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { hide: { price: [0] } },
	},
	{
		displayName: 'VAT',
		name: 'vat',
		type: 'options',
		options: [
			{ name: 'Any (Сумма)', value: 'any' },
			{ name: 'With VAT (С НДС)', value: 'withVat' },
			{ name: 'Without VAT (Без НДС)', value: 'withoutVat' },
		],
		default: 'any',
		description: "Whether the rate includes VAT, as on ATI's load form",
		displayOptions: { hide: { price: [0] } },
	},
];

/** The payment object, or undefined when no rate is set. */
export function paymentOf(context: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const price = Number(context.getNodeParameter('price', itemIndex, 0));
	if (!Number.isFinite(price) || price < 0) {
		throw inputError(
			context.getNode(),
			`The price "${price}" is not a rate`,
			'Enter a rate of 0 or more.',
			itemIndex,
		);
	}
	if (price === 0) return undefined;
	const currency = Number(context.getNodeParameter('currencyId', itemIndex, ''));
	if (!Number.isInteger(currency) || currency <= 0) {
		throw inputError(
			context.getNode(),
			'No currency given for the price',
			'Pick the currency of the rate from the list.',
			itemIndex,
		);
	}
	const vat = context.getNodeParameter('vat', itemIndex, 'any') as keyof typeof VAT_RATES;
	const [rateField, currencyField] = VAT_RATES[vat] ?? VAT_RATES.any;
	return { [rateField]: price, [currencyField]: currency };
}
