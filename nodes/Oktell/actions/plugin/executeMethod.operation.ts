import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { isPlainObject } from '../../../shared/http/reply-shape';
import { readJsonObject } from '../../../shared/parameters/json-object';
import { requiredText } from '../../helpers/required-text';
import { requestLimits, requestOptions } from '../parameters/request-options';
import { oktellJson } from '../../transport';

export const option = {
	name: 'Execute Method',
	value: 'executeMethod',
	description: 'Run a method of a server plugin and get its JSON result (execpluginmethod)',
	action: 'Execute a plugin method',
};

const INPUT_PARAMETERS = { label: 'Input Parameters', example: '{"param1": "value"}' };

export const properties: INodeProperties[] = [
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
		const parameters = JSON.stringify(
			readJsonObject(
				this.getNode(),
				this.getNodeParameter('inputParameters', itemIndex, '{}'),
				INPUT_PARAMETERS,
				itemIndex,
			),
		);
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
			effect: 'write',
			itemIndex,
			...requestLimits(this, itemIndex),
		});
		return isPlainObject(result) ? result : { result: result as IDataObject };
	});
}
