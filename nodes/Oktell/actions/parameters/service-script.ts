import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../helpers/required-text';
import type { QueryValue } from '../../transport';
import { flag, typedValue } from '../../transport/typed-value';
import type { PropertySet } from '../../transport/xml-mapper';
import { valueOf } from '../../transport/xml-mapper';

const START_PARAMETERS = [1, 2, 3, 4, 5];
/** How long the node waits beyond the script's own timeout before giving up on the reply. */
const REPLY_MARGIN_S = 5;

/** The parameters of `execsvcscript`, shared by every command that starts a service script. */
export const serviceScriptProperties: INodeProperties[] = [
	{
		displayName: 'Script Name',
		name: 'scriptName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'SvcScript1',
		description: "The service script's name, as stored in the server's common scripts",
	},
	{
		displayName: 'Run Mode',
		name: 'runMode',
		type: 'options',
		options: [
			{
				name: 'Wait for Result',
				value: 'sync',
				description: 'Wait until the script ends and return its value (async=0)',
			},
			{
				name: 'Start and Continue',
				value: 'async',
				description: 'Start the script and return at once (async=1)',
			},
		],
		default: 'sync',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'scriptTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		displayOptions: { show: { runMode: ['sync'] } },
		description: 'How long Oktell waits for the script; after that it answers without the result',
	},
	{
		displayName: 'Start Parameters',
		name: 'startParameters',
		type: 'collection',
		placeholder: 'Add start parameter',
		default: {},
		options: START_PARAMETERS.map((index) => ({
			displayName: `Start Parameter ${index}`,
			name: `startparam${index}`,
			type: 'string' as const,
			default: '',
		})),
	},
];

export interface ScriptCall {
	qs: Record<string, QueryValue>;
	timeoutMs?: number;
}

export function scriptCall(context: IExecuteFunctions, itemIndex: number): ScriptCall {
	const name = requiredText(
		context,
		itemIndex,
		'scriptName',
		'script name',
		'Enter the name of a service script stored on the Oktell server.',
	);
	const async = context.getNodeParameter('runMode', itemIndex, 'sync') === 'async';
	const timeout = async
		? undefined
		: Number(context.getNodeParameter('scriptTimeout', itemIndex, 10));
	const parameters = context.getNodeParameter('startParameters', itemIndex, {}) as IDataObject;
	const qs: Record<string, QueryValue> = { name, async: async ? 1 : 0, timeout };
	for (const index of START_PARAMETERS) {
		const value = parameters[`startparam${index}`];
		if (value !== undefined && value !== '') qs[`startparam${index}`] = String(value);
	}
	return { qs, timeoutMs: timeout === undefined ? undefined : (timeout + REPLY_MARGIN_S) * 1000 };
}

/** `execsvcscript`'s reply as `{started, startResult, returnValue}`. */
export function scriptResult(set: PropertySet | undefined): IDataObject {
	if (!set) return { started: false, startResult: null, returnValue: null };
	const startResult = valueOf(set, 'startresult');
	return {
		started: flag(valueOf(set, 'started')) ?? false,
		startResult: startResult === undefined ? null : typedValue(startResult),
		returnValue: valueOf(set, 'returnvalue') ?? null,
	};
}
