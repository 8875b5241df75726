import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callActorProperties, runCallCommand } from '../../helpers/call-actor';
import { requestOptions } from '../../helpers/request-options';
import { dialTarget, dialTargetProperties } from '../../helpers/dial-target';

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['switchCall'] } },
	[...callActorProperties, ...dialTargetProperties, requestOptions()],
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallCommand(this, {
		command: 'wp_switchcall',
		// A repeat would transfer or dial again.
		idempotent: false,
		query: (itemIndex) => dialTarget(this, itemIndex),
	});
}
