import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { checkContactId } from '../../helpers/contact-ids';
import { getPresenceState } from '../../transport/presence';
import { readTimeoutMs, requestOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get whether one contact is online',
	action: 'Get the presence state of a contact',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '123456.0',
		description:
			"The contact's AtiCode.ContactID: the firm's ATI code, a dot and the contact number (0 is the firm's main contact)",
	},
	requestOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const contactId = checkContactId(
			this.getNode(),
			this.getNodeParameter('contactId', itemIndex),
			itemIndex,
		);
		const timeoutMs = readTimeoutMs(this, itemIndex);
		return await getPresenceState(this, contactId, { itemIndex, timeoutMs });
	});
}
