import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { runPerItem } from '../../../shared/execution/per-item';
import { listQuery } from '../../helpers/list-query';
import { listPoints } from '../../transport/integration-points';
import { eraCall, eraTimeoutOption } from '../request-options';
import { maskFieldOptions, outputOptions } from './fields';

const fieldChoice: INodeProperties = {
	displayName: 'Field',
	name: 'field',
	type: 'options',
	options: maskFieldOptions,
	default: 'code',
};

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		placeholder: 'Add Filter',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Return only points whose fields equal these values (ERA "filter")',
		options: [
			{
				displayName: 'Condition',
				name: 'conditions',
				values: [
					fieldChoice,
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value the field must equal; true and false match yes/no fields',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...outputOptions,
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'fixedCollection',
				placeholder: 'Add Sort Rule',
				typeOptions: { multipleValues: true },
				default: {},
				description: 'The order of the points (ERA "order")',
				options: [
					{
						displayName: 'Rule',
						name: 'rules',
						values: [
							fieldChoice,
							{
								displayName: 'Direction',
								name: 'direction',
								type: 'options',
								options: [
									{ name: 'Ascending', value: 'asc' },
									{ name: 'Descending', value: 'desc' },
								],
								default: 'asc',
							},
						],
					},
				],
			},
			eraTimeoutOption,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['integrationPoint'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const query = listQuery(
			this.getNodeParameter('filters', itemIndex, {}) as IDataObject,
			this.getNodeParameter('options', itemIndex, {}) as IDataObject,
		);
		return await listPoints(this, query, limit, eraCall(this, itemIndex));
	});
}
