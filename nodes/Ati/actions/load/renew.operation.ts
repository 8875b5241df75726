import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { renewLoad } from '../../transport/loads';
import { loadIdField, loadIdOf } from '../parameters/load-id';
import { atiCall, requestOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Renew',
	value: 'renew',
	description: 'Raise a load to the top of the exchange again ("Обновить")',
	action: 'Renew a load',
};

export const properties: INodeProperties[] = [loadIdField, requestOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const loadId = loadIdOf(this, itemIndex);
			await renewLoad(this, loadId, atiCall(this, itemIndex));
			return { renewed: true, cargo_application_id: loadId };
		},
		{ effect: 'write' },
	);
}
