import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { updateLoad } from '../../transport/loads';
import { loadIdField, loadIdOf } from '../parameters/load-id';
import { loadApplicationOf, loadFields } from '../parameters/load-fields';
import { atiCall, requestOptions } from '../parameters/request-options';

export const option: OperationModule['option'] = {
	name: 'Update',
	value: 'update',
	description: 'Change a published load; ATI takes all its fields again, not only the changed ones',
	action: 'Update a load',
};

export const properties: INodeProperties[] = [loadIdField, ...loadFields, requestOptions];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const loadId = loadIdOf(this, itemIndex);
			const application = loadApplicationOf(this, itemIndex);
			const outcome = await updateLoad(this, loadId, application, atiCall(this, itemIndex));
			if ('load' in outcome) return { updated: true, merged: outcome.merged, ...outcome.load };
			return {
				updated: false,
				duplicate: true,
				cargo_application_id: loadId,
				reason: outcome.duplicate.reason ?? outcome.duplicate.code,
			};
		},
		{ effect: 'write' },
	);
}
