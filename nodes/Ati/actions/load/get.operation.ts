import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { ATI_CONCURRENCY } from '../../transport';
import { getLoad } from '../../transport/loads';
import { loadIdField, loadIdOf } from '../parameters/load-id';
import { atiCall, requestOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get a load of the firm by its ID',
	action: 'Get a load',
};

export const properties: INodeProperties[] = [loadIdField, requestOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => await getLoad(this, loadIdOf(this, itemIndex), atiCall(this, itemIndex)),
		{ concurrency: ATI_CONCURRENCY },
	);
}
