import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description/return-all-limit';
import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { ATI_CONCURRENCY } from '../../transport';
import { listOrders } from '../../transport/orders';
import { atiCall, requestOptions } from '../parameters/request-options';
import { limitOf } from '../parameters/return-limit';

export const option: OperationModule['option'] = {
	name: 'Get Many',
	value: 'getMany',
	description: 'Get the orders the firm takes part in',
	action: 'Get many orders',
};

export const properties: INodeProperties[] = [...returnAllAndLimit(), requestOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => await listOrders(this, limitOf(this, itemIndex), atiCall(this, itemIndex)),
		{ concurrency: ATI_CONCURRENCY },
	);
}
