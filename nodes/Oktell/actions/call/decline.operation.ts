import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callActorProperties, runCallCommand } from '../../helpers/call-actor';
import { requestOptions } from '../../helpers/request-options';

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['decline'] } },
	[...callActorProperties, requestOptions()],
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallCommand(this, {
		command: 'wp_declinecall',
		// A repeat could decline the next call ringing on the line.
		idempotent: false,
	});
}
