import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';

// A rate in ATI's words: with VAT ("с НДС"), without VAT ("без НДС") or cash ("наличные").
// A load's payment names them rate_with_vat / rate_without_vat / cash with one currency_type
// (POST /v2/cargos); an invitation names them nds_price / not_nds_price / price, each with its
// currency (ati.su/developers/api/orders/personal-invitations).

const LOAD_RATE = { withVat: 'rate_with_vat', withoutVat: 'rate_without_vat', cash: 'cash' };
const INVITE_RATE = {
	withVat: ['nds_price', 'nds_currency_id'],
	withoutVat: ['not_nds_price', 'not_nds_currency_id'],
	cash: ['price', 'currency_id'],
};
type RateKind = keyof typeof LOAD_RATE;

export function paymentProperties(priceDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Price',
			name: 'price',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: priceDescription,
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
			displayName: 'Rate Type',
			name: 'rateType',
			type: 'options',
			options: [
				{ name: 'With VAT (С НДС)', value: 'withVat' },
				{ name: 'Without VAT (Без НДС)', value: 'withoutVat' },
				{ name: 'Cash (Наличные)', value: 'cash' },
			],
			default: 'withVat',
			description: "How the rate is paid, as on ATI's load form",
			displayOptions: { hide: { price: [0] } },
		},
	];
}

interface Rate {
	price: number;
	currency: number;
	kind: RateKind;
}

/** The item's rate, or undefined when Price is 0. */
function rateOf(context: IExecuteFunctions, itemIndex: number): Rate | undefined {
	const node = context.getNode();
	const price = Number(context.getNodeParameter('price', itemIndex, 0));
	if (!Number.isFinite(price) || price < 0) {
		throw inputError(
			node,
			`The price "${price}" is not a rate`,
			'Enter a rate of 0 or more.',
			itemIndex,
		);
	}
	if (price === 0) return undefined;
	const currency = Number(context.getNodeParameter('currencyId', itemIndex, ''));
	if (!Number.isInteger(currency) || currency <= 0) {
		throw inputError(
			node,
			'No currency given for the price',
			'Pick the currency of the rate from the list.',
			itemIndex,
		);
	}
	const chosen = context.getNodeParameter('rateType', itemIndex, 'withVat') as RateKind;
	return { price, currency, kind: chosen in LOAD_RATE ? chosen : 'withVat' };
}

/** A load's payment: a rate with bargaining or without, or a request for rates when Price is 0. */
export function loadPaymentOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const rate = rateOf(context, itemIndex);
	if (!rate) return { type: 'rate-request' };
	const bargaining = context.getNodeParameter('bargaining', itemIndex, true) !== false;
	return {
		type: bargaining ? 'with-bargaining' : 'without-bargaining',
		currency_type: rate.currency,
		[LOAD_RATE[rate.kind]]: rate.price,
	};
}

/** An invitation's payment, or undefined when Price is 0. */
export function invitePaymentOf(
	context: IExecuteFunctions,
	itemIndex: number,
): IDataObject | undefined {
	const rate = rateOf(context, itemIndex);
	if (!rate) return undefined;
	const [priceField, currencyField] = INVITE_RATE[rate.kind];
	return { [priceField]: rate.price, [currencyField]: rate.currency };
}
