import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { itemParameter } from '../../../shared/parameters/run-parameter';
import type { OperationModule } from '../../../shared/execution/resources';
import { outputQuery } from '../../helpers/list-query';
import { getPoint } from '../../transport/integration-points';
import { ERA_CONCURRENCY } from '../../transport';
import { outputOptions } from '../parameters/output-options';
import { pointIdOf, pointLocator } from '../parameters/point-locator';
import { eraCall, eraParallelOption, eraTimeoutOption } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get an integration point',
	action: 'Get an integration point',
};

export const properties: INodeProperties[] = [
	pointLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...outputOptions, eraParallelOption, eraTimeoutOption],
	},
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const id = pointIdOf(this, itemIndex);
			const options = itemParameter<IDataObject>(this, 'options', itemIndex, {});
			return await getPoint(this, id, outputQuery(options), eraCall(this, itemIndex));
		},
		{ concurrency: ERA_CONCURRENCY },
	);
}
