import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { listQuery } from '../../helpers/list-query';
import { listPoints } from '../../transport/integration-points';
import { ERA_CONCURRENCY } from '../../transport';
import { maskFieldOptions, outputOptions } from '../parameters/output-options';
import { eraCall, eraParallelOption, eraTimeoutOption } from '../parameters/request-options';

const fieldChoice: INodeProperties = {
	displayName: 'Field',
	name: 'field',
	type: 'options',
	options: maskFieldOptions,
	default: 'code',
};

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get many integration points',
	action: 'Get many integration points',
};

export const properties: INodeProperties[] = [
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
			eraParallelOption,
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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll
				? Infinity
				: (this.getNodeParameter('limit', itemIndex, 50) as number);
			const query = listQuery(
				this.getNodeParameter('filters', itemIndex, {}) as IDataObject,
				this.getNodeParameter('options', itemIndex, {}) as IDataObject,
			);
			return await listPoints(this, query, limit, eraCall(this, itemIndex));
		},
		{ concurrency: ERA_CONCURRENCY },
	);
}
