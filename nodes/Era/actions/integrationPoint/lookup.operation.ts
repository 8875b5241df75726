import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { requiredText, whenNotFound } from '../../helpers/not-found';
import { lookupPoints } from '../../transport/integration-points';
import { eraCall, timeoutOnlyOptions } from '../request-options';
import { notFoundOption } from './fields';

const properties: INodeProperties[] = [
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

export const description = updateDisplayOptions(
	{ show: { resource: ['integrationPoint'], operation: ['lookup'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
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
	});
}
