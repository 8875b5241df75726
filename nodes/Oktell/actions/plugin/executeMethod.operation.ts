import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors/node-errors';
import { runPerItem } from '../../../shared/execution/per-item';
import { requestLimits, requestOptions } from '../../helpers/request-options';
import { requiredText } from '../../helpers/required-text';
import { oktellJson } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Module ID',
		name: 'moduleId',
		type: 'string',
		default: '',
		required: true,
		description: "The server plugin's ID (idmodule)",
	},
	{
		displayName: 'Form ID',
		name: 'formId',
		type: 'string',
		default: '',
		required: true,
		description: 'The ID of the method (form) to run (idform)',
	},
	{
		displayName: 'Input Parameters',
		name: 'inputParameters',
		type: 'json',
		default: '{}',
		description: "The method's input values as a JSON object, as its form declares them",
	},
	{
		displayName: 'Send Parameters As',
		name: 'parameterEncoding',
		type: 'options',
		options: [
			{ name: 'JSON Text (Inputparams)', value: 'json' },
			{
				name: 'Base64 (Inputparamsb64)',
				value: 'base64',
				description: 'Safer for values with characters a URL mangles',
			},
		],
		default: 'json',
	},
	requestOptions(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['plugin'], operation: ['executeMethod'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const moduleId = requiredText(
			this,
			itemIndex,
			'moduleId',
			'Module ID',
			"Enter the plugin's Module ID.",
		);
		const formId = requiredText(
			this,
			itemIndex,
			'formId',
			'Form ID',
			"Enter the plugin method's Form ID.",
		);
		const parameters = JSON.stringify(inputParameters(this, itemIndex));
		const base64 = this.getNodeParameter('parameterEncoding', itemIndex, 'json') === 'base64';
		const result = await oktellJson(this, {
			command: 'execpluginmethod',
			qs: {
				idmodule: moduleId,
				idform: formId,
				...(base64
					? { inputparamsb64: Buffer.from(parameters, 'utf8').toString('base64') }
					: { inputparams: parameters }),
			},
			idempotent: false,
			itemIndex,
			...requestLimits(this, itemIndex),
		});
		return isObject(result) ? result : { result: result as IDataObject };
	});
}

function inputParameters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = context.getNodeParameter('inputParameters', itemIndex, '{}') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		const text = raw.trim() === '' ? '{}' : raw;
		try {
			value = JSON.parse(text);
		} catch (error) {
			throw inputError(
				context.getNode(),
				`Input Parameters is not valid JSON: ${(error as Error).message}`,
				'Write the parameters as a JSON object, such as {"param1": "value"}.',
				itemIndex,
			);
		}
	}
	if (isObject(value)) return value;
	throw inputError(
		context.getNode(),
		'Input Parameters must be a JSON object',
		'Write the parameters as a JSON object with one key per input parameter, such as {"param1": "value"}.',
		itemIndex,
	);
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
