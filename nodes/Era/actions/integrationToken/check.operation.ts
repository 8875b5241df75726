import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import { requiredText, whenNotFound } from '../../helpers/not-found';
import { checkIntegrationToken } from '../../transport/integration-points';
import { notFoundOption } from '../integrationPoint/fields';
import { eraCall, timeoutOnlyOptions } from '../request-options';

const properties: INodeProperties[] = [
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The integration token to check (the local token of an integration point)',
	},
	notFoundOption,
	timeoutOnlyOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['integrationToken'], operation: ['check'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const token = requiredText(
			this,
			'token',
			itemIndex,
			'The token is empty',
			'Enter the integration token to check.',
		);
		const found = await checkIntegrationToken(this, token, eraCall(this, itemIndex));
		if (found) return { found: true, ...found };
		return whenNotFound(
			this,
			itemIndex,
			{ found: false },
			'ERA does not know this integration token',
		);
	});
}
