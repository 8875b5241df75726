import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { createLoad } from '../../transport/loads';
import { loadApplicationOf, loadFields } from '../parameters/load-fields';
import { atiCall, requestOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Create',
	value: 'create',
	description: 'Publish a load on the exchange',
	action: 'Publish a load',
};

export const properties: INodeProperties[] = [...loadFields, requestOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const application = loadApplicationOf(this, itemIndex);
			const outcome = await createLoad(this, application, atiCall(this, itemIndex));
			if ('load' in outcome) {
				// 202: ATI merged it into a similar load of the firm; no new load was added.
				return outcome.merged
					? { published: false, merged: true, ...outcome.load }
					: { published: true, ...outcome.load };
			}
			// ATI's duplicate rules matched a load the firm already has: nothing was published.
			return {
				published: false,
				duplicate: true,
				reason: outcome.duplicate.reason ?? outcome.duplicate.code,
				external_id: application.external_id ?? null,
			};
		},
		{ effect: 'write' },
	);
}
