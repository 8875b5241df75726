import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callActorProperties, runCallQuery } from '../../helpers/call-actor';
import { requestOptions } from '../../helpers/request-options';

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['getChainContent'] } },
	[...callActorProperties, requestOptions()],
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallQuery(this, 'wp_getchaincontent');
}
