import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { bitrixApiRequest } from '../../transport';
import { targetOf } from '../parameters/portal-options';

export const option: OperationModule['option'] = {
	name: 'Get Current',
	value: 'getCurrent',
	description: 'Get the user the webhook or app acts as',
	action: 'Get the current user',
};

export const properties = [];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	let current: Promise<IDataObject> | undefined;
	// The same user for every item: one request.
	return await runPerItem(this, async () => {
		current ??= bitrixApiRequest(this, targetOf(this), {
			method: 'user.current',
			effect: 'read',
		}).then((reply) => reply.result as IDataObject);
		return { ...(await current) };
	});
}
