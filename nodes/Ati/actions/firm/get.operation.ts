import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { ATI_CONCURRENCY } from '../../transport';
import { getFirm } from '../../transport/firms';
import { atiCall, requestOptions } from '../parameters/request-options';
import { atiCodeField, atiCodeOf } from '../parameters/ati-code';

export const option: OperationModule['option'] = {
	name: 'Get',
	value: 'get',
	description: 'Get a firm by its ATI code',
	action: 'Get a firm',
};

export const properties: INodeProperties[] = [atiCodeField, requestOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => await getFirm(this, atiCodeOf(this, itemIndex), atiCall(this, itemIndex)),
		{ concurrency: ATI_CONCURRENCY },
	);
}
