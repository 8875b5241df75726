import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runPerItem } from '../../../shared/execution/per-item';
import type { OperationModule } from '../../../shared/execution/resources';
import { checkIntegrationToken } from '../../transport/integration-points';
import { ERA_CONCURRENCY } from '../../transport';
import { notFoundOption, whenNotFound } from '../parameters/not-found';
import { eraCall, timeoutOnlyOptions } from '../parameters/request-options';
import { requiredText } from '../parameters/required-text';

export const option: OperationModule['option'] = {
	name: 'Check',
	value: 'check',
	description: 'Find the domain and integration point of a token',
	action: 'Check an integration token',
};

export const properties: INodeProperties[] = [
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

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(
		this,
		async (itemIndex) => {
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
		},
		{ concurrency: ERA_CONCURRENCY },
	);
}
