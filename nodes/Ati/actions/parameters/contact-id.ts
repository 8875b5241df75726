import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CONTACT_ID_PATTERN, checkContactId } from '../../helpers/contact-ids';

const DESCRIPTION =
	"The contact's ID: the firm's ATI code, a dot and the contact number (0 is the firm's main contact)";

/** Version 1's text field; saved workflows keep it. */
const contactIdText: INodeProperties = {
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '123456.0',
	description: DESCRIPTION,
	displayOptions: { show: { '@version': [1] } },
};

/** Since version 2: one of a firm's contacts picked from the list, or the ID typed. */
const contactIdLocator: INodeProperties = {
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: `${DESCRIPTION}. To pick from the list, type the firm's ATI code.`,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: "Type the firm's ATI code, such as 123456...",
			typeOptions: {
				searchListMethod: 'searchFirmContacts',
				searchable: true,
				searchFilterRequired: true,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '123456.0',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: CONTACT_ID_PATTERN,
						errorMessage:
							"Not an ATI contact ID: the firm's ATI code, a dot and the contact number, such as 123456.0",
					},
				},
			],
		},
	],
	displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
};

export const contactIdFields: INodeProperties[] = [contactIdText, contactIdLocator];

/** The item's contact ID, from version 1's text or version 2's picker alike. */
export function readContactId(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('contactId', itemIndex, '', { extractValue: true });
	return checkContactId(context.getNode(), value, itemIndex);
}
