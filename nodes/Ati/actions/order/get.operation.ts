import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { ATI_CONCURRENCY } from '../../transport';
import { getOrder } from '../../transport/orders';
import { atiCall, requestOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get an order (заказ) the firm takes part in, with its status',
	action: 'Get an order',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
		description: "The order's ID, as ATI.SU shows it on the order",
	},
	requestOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) =>
			await getOrder(
				this,
				String(this.getNodeParameter('orderId', itemIndex, '')).trim(),
				atiCall(this, itemIndex),
			),
		{ concurrency: ATI_CONCURRENCY },
	);
}
