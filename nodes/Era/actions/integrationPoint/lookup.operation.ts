import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { lookupPoints } from '../../transport/integration-points';
import { ERA_CONCURRENCY } from '../../transport';
import { notFoundOption, whenNotFound } from '../parameters/not-found';
import { eraCall, timeoutOnlyOptions } from '../parameters/request-options';
import { requiredText } from '../parameters/required-text';

export const option: OperationModule['option'] = {
	name: 'Lookup',
	value: 'lookup',
	description: 'Find the IDs of integration points by ID, code or local token',
	action: 'Look up integration point ids',
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Search Key',
		name: 'key',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ABCDE',
		description: "The point's ID, code or local token",
	},
	notFoundOption,
	timeoutOnlyOptions,
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
			const key = requiredText(
				this,
				'key',
				itemIndex,
				'The search key is empty',
				"Enter an integration point's ID, code or local token.",
			);
			const ids = await lookupPoints(this, key, eraCall(this, itemIndex));
			if (ids) return { ids };
			return whenNotFound(
				this,
				itemIndex,
				{ ids: [] },
				`ERA found no integration point with the ID, code or local token "${key}"`,
			);
		},
		{ concurrency: ERA_CONCURRENCY },
	);
}
