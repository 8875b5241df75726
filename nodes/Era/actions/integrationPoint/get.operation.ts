import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { outputQuery } from '../../helpers/list-query';
import { pointIdOf } from '../../helpers/point-id';
import { getPoint } from '../../transport/integration-points';
import { eraCall, eraTimeoutOption } from '../request-options';
import { outputOptions, pointLocator } from './fields';

const properties: INodeProperties[] = [
	pointLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...outputOptions, eraTimeoutOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['integrationPoint'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const id = pointIdOf(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return await getPoint(this, id, outputQuery(options), eraCall(this, itemIndex));
	});
}
