import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { checkContactId } from '../../helpers/contact-ids';
import { getPresenceState } from '../../transport/presence';
import { readTimeoutMs, requestOptions } from '../../helpers/timeout-option';

const properties: INodeProperties[] = [
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

export const description = updateDisplayOptions(
	{ show: { resource: ['presence'], operation: ['get'] } },
	properties,
);

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
