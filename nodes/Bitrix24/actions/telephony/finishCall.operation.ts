import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationModule } from '../../../shared/execution/resources';
import { optionsProperty } from '../parameters/portal-options';
import { requiredTextOf } from '../parameters/task-locator';
import { runCommandsAcrossItems } from '../records/run-commands';
import { userIdOf, userLocator } from '../user/user-id';
import { copyTextOptions, flag } from '../parameters/option-values';
import { callIdProperty, requireApp } from './call-parameters';

export const option: OperationModule['option'] = {
	name: 'Finish Call',
	value: 'finishCall',
	description:
		"Log a registered call's end: its length, outcome and cost go into the statistics and the CRM record's activity (OAuth2 app only)",
	action: 'Finish a call',
};

export const properties: INodeProperties[] = [
	callIdProperty,
	userLocator('userId', 'Employee'),
	{
		displayName: 'Duration (Seconds)',
		name: 'duration',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 0 },
		description: 'How long the conversation lasted',
	},
	{
		displayName: 'Outcome',
		name: 'statusCode',
		type: 'options',
		options: [
			{ name: 'Answered', value: '200' },
			{ name: 'Automatic (Answered If Duration > 0, Else Missed)', value: '' },
			{ name: 'Blocked', value: '423' },
			{ name: 'Busy', value: '486' },
			{ name: 'Cancelled', value: '603-S' },
			{ name: 'Declined', value: '603' },
			{ name: 'Forbidden', value: '403' },
			{ name: 'Insufficient Funds', value: '402' },
			{ name: 'Invalid Number', value: '404' },
			{ name: 'Missed', value: '304' },
			{ name: 'Other', value: 'OTHER' },
			{ name: 'Temporarily Unavailable', value: '480' },
			{ name: 'Unreachable', value: '484' },
		],
		default: '',
		description: 'How the call ended, as the call statistics show it (status code)',
	},
	{
		displayName: 'Finish Options',
		name: 'finishOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Add to Chat',
				name: 'addToChat',
				type: 'boolean',
				default: true,
				description: "Whether the call's end shows in the employee's chat",
			},
			{
				displayName: 'Cost',
				name: 'cost',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 2 },
			},
			{
				displayName: 'Cost Currency',
				name: 'costCurrency',
				type: 'string',
				default: '',
				placeholder: 'RUB',
			},
			{
				displayName: 'Failure Reason',
				name: 'failedReason',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Rating',
				name: 'vote',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: 5, numberPrecision: 0 },
				description: "The client's rating of the call, 1 to 5; 0 for none",
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
			const options = this.getNodeParameter('finishOptions', itemIndex, {}) as IDataObject;
			const optionOf = (name: string) => options[name];
			const params: IDataObject = {
				CALL_ID: requiredTextOf(this, 'callId', 'Call ID', itemIndex),
				USER_ID: userIdOf(this, itemIndex, 'userId', 'Employee'),
				DURATION: Math.max(0, Math.round(Number(this.getNodeParameter('duration', itemIndex, 0)))),
				ADD_TO_CHAT: flag(optionOf('addToChat'), true),
			};
			const status = String(this.getNodeParameter('statusCode', itemIndex, '') ?? '');
			if (status !== '') params.STATUS_CODE = status;
			if (Number(optionOf('cost') ?? 0) > 0) params.COST = Number(optionOf('cost'));
			if (Number(optionOf('vote') ?? 0) > 0) params.VOTE = Number(optionOf('vote'));
			copyTextOptions(
				options,
				[
					['costCurrency', 'COST_CURRENCY'],
					['failedReason', 'FAILED_REASON'],
				],
				params,
			);
			return { method: 'telephony.externalcall.finish', params };
		},
		toOutput: (result) => result as IDataObject,
	});
}
