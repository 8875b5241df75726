import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import { pageRecords } from '../../transport';
import { optionsProperty } from '../parameters/portal-options';
import { requiredTextOf } from '../parameters/task-locator';
import { runCommandsAcrossItems } from '../records/run-commands';
import { phoneNumberProperty } from './call-parameters';

export const option: OperationModule['option'] = {
	name: 'Find CRM Records',
	value: 'findCrmRecords',
	description:
		'Find the contacts, companies and leads with a phone number, and who is responsible for each',
	action: 'Find CRM records by phone',
};

export const properties: INodeProperties[] = [phoneNumberProperty, optionsProperty];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const phones: string[] = [];
	return await runCommandsAcrossItems(this, {
		effect: 'read',
		commandOf: (itemIndex) => {
			phones[itemIndex] = requiredTextOf(this, 'phoneNumber', 'Phone Number', itemIndex);
			return {
				method: 'telephony.externalcall.searchcrmentities',
				params: { PHONE_NUMBER: phones[itemIndex] },
			};
		},
		toOutput: (result, itemIndex) => {
			const records = pageRecords(result) as IDataObject[];
			return { phoneNumber: phones[itemIndex], found: records.length, records };
		},
	});
}
