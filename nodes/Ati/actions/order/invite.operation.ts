import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { inviteCarrier } from '../../transport/orders';
import { loadIdField, loadIdOf } from '../parameters/load-id';
import { numberListOf } from '../parameters/load-fields';
import { invitePaymentOf, paymentProperties } from '../parameters/payment';
import { atiCall, requestOptions } from '../parameters/request-options';

// POST /v1.2/orders/invites (ati.su/developers/api/orders/personal-invitations).

export const option: OperationModule['option'] = {
	name: 'Invite a Carrier',
	value: 'invite',
	description:
		'Invite a carrier to take the load as an order ("Оформить заказ"); each contact once per load',
	action: 'Invite a carrier',
};

export const properties: INodeProperties[] = [
	loadIdField,
	{
		displayName: 'Carrier ATI Code',
		name: 'carrierAtiId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '234567',
		description: "The carrier firm's ATI code (taker_ati_id)",
	},
	{
		displayName: 'Contact Numbers',
		name: 'contactIds',
		type: 'string',
		default: '0',
		required: true,
		placeholder: '0, 1',
		description:
			"The carrier's contacts to invite, by number, separated by commas (0 is the firm's main contact)",
	},
	...paymentProperties('The rate offered to the carrier').map((property) =>
		property.name === 'price' ? { ...property, required: true, default: 1 } : property,
	),
	{
		displayName: 'Options',
		name: 'inviteOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Cancellation Date',
				name: 'cancellationDate',
				type: 'dateTime',
				default: '',
				description: 'When the invitation lapses; ATI cancels it after 3 days by default',
			},
			{
				displayName: 'Request Tracking',
				name: 'isTracking',
				type: 'boolean',
				default: false,
				description: 'Whether to ask the carrier to be tracked through ATI Driver ("АТИ Водитель")',
			},
		],
	},
	requestOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const node = this.getNode();
			const payment = invitePaymentOf(this, itemIndex);
			if (!payment) {
				throw inputError(
					node,
					'No rate given for the invitation',
					'ATI needs at least one rate with its currency: enter a Price above 0.',
					itemIndex,
				);
			}
			const options = this.getNodeParameter('inviteOptions', itemIndex, {}) as IDataObject;
			const invitation: IDataObject = {
				load_id: loadIdOf(this, itemIndex),
				taker_ati_id: String(this.getNodeParameter('carrierAtiId', itemIndex, '')).trim(),
				taker_contacts_list: numberListOf(this, 'contactIds', 'Contact Numbers', itemIndex),
				payment,
				is_tracking: options.isTracking === true,
			};
			if (options.cancellationDate) {
				invitation.cancellation_date = new Date(String(options.cancellationDate)).toISOString();
			}
			return await inviteCarrier(this, invitation, atiCall(this, itemIndex));
		},
		{ effect: 'write' },
	);
}
