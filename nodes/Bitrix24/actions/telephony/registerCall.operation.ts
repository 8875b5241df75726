import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import { bitrixDateTimeOf } from '../parameters/date-time-parameter';
import { optionsProperty } from '../parameters/portal-options';
import { requiredTextOf } from '../parameters/task-locator';
import { runCommandsAcrossItems } from '../records/run-commands';
import { userIdOf, userLocator } from '../user/user-id';
import { copyTextOptions, flag } from '../parameters/option-values';
import { phoneNumberProperty, requireApp } from './call-parameters';

export const option: OperationModule['option'] = {
	name: 'Register Call',
	value: 'registerCall',
	description:
		'Log the start of a call from your phone system; Bitrix24 finds the CRM record for the number (or creates a lead) and can show the call card (OAuth2 app only)',
	action: 'Register a call',
};

export const properties: INodeProperties[] = [
	userLocator('userId', 'Employee'),
	phoneNumberProperty,
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		options: [
			{ name: 'Callback', value: 4 },
			{ name: 'Incoming', value: 2 },
			{ name: 'Incoming, Redirected', value: 3 },
			{ name: 'Informational', value: 5 },
			{ name: 'Outgoing', value: 1 },
		],
		default: 2,
	},
	{
		displayName: 'Call Options',
		name: 'callOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Add to Chat',
				name: 'addToChat',
				type: 'boolean',
				default: true,
				description: "Whether the call shows in the employee's chat",
			},
			{
				displayName: 'Create CRM Record',
				name: 'crmCreate',
				type: 'boolean',
				default: false,
				description: 'Whether an unknown number gets a new lead',
			},
			{
				displayName: 'External Call ID',
				name: 'externalCallId',
				type: 'string',
				default: '',
				description:
					"Your phone system's ID for the call. Give it: registering the same call again within 30 minutes then answers the same Call ID instead of a new one.",
			},
			{
				displayName: 'Line Number',
				name: 'lineNumber',
				type: 'string',
				default: '',
				description: 'The outside line the call came in on, for reports',
			},
			{
				displayName: 'Show Call Card',
				name: 'show',
				type: 'boolean',
				default: true,
				description: "Whether the employee's Bitrix24 shows the call card",
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'When the call started; empty is now',
			},
		],
	},
	optionsProperty,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	requireApp(this);
	return await runCommandsAcrossItems(this, {
		effect: 'write',
		commandOf: (itemIndex) => {
			const options = this.getNodeParameter('callOptions', itemIndex, {}) as IDataObject;
			const optionOf = (name: string) => options[name];
			const params: IDataObject = {
				USER_ID: userIdOf(this, itemIndex, 'userId', 'Employee'),
				PHONE_NUMBER: requiredTextOf(this, 'phoneNumber', 'Phone Number', itemIndex),
				TYPE: Number(this.getNodeParameter('direction', itemIndex, 2)),
				CRM_CREATE: flag(optionOf('crmCreate'), false),
				SHOW: flag(optionOf('show'), true),
				ADD_TO_CHAT: flag(optionOf('addToChat'), true),
			};
			const started = optionOf('startTime');
			if (started !== undefined && started !== null && String(started).trim() !== '')
				params.CALL_START_DATE = bitrixDateTimeOf(this, started, 'Start Time', itemIndex);
			copyTextOptions(
				options,
				[
					['externalCallId', 'EXTERNAL_CALL_ID'],
					['lineNumber', 'LINE_NUMBER'],
				],
				params,
			);
			return { method: 'telephony.externalcall.register', params };
		},
		toOutput: (result) => result as IDataObject,
	});
}
