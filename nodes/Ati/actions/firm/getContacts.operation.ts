import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { ATI_CONCURRENCY } from '../../transport';
import { contactCodeId, getFirmContacts } from '../../transport/firms';
import { atiCall, requestOptions } from '../parameters/request-options';
import { atiCodeField, atiCodeOf } from '../parameters/ati-code';

export const option: OperationModule['option'] = {
	name: 'Get Contacts',
	value: 'getContacts',
	description: "Get a firm's contacts, one item each, with the contact ID Presence takes",
	action: 'Get the contacts of a firm',
};

export const properties: INodeProperties[] = [atiCodeField, requestOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const atiId = atiCodeOf(this, itemIndex);
			const contacts = await getFirmContacts(this, atiId, atiCall(this, itemIndex));
			return contacts.map((contact) => {
				const codeId = contactCodeId(atiId, contact);
				return codeId === undefined ? contact : { ...contact, code_id: codeId };
			});
		},
		{ concurrency: ATI_CONCURRENCY },
	);
}
