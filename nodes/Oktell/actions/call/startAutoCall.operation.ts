import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callActorProperties, runCallCommand } from '../../helpers/call-actor';
import { dialTarget, dialTargetProperties } from '../../helpers/dial-target';

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['startAutoCall'] } },
	[...callActorProperties, ...dialTargetProperties],
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallCommand(this, {
		command: 'wp_autocallstart',
		query: (itemIndex) => dialTarget(this, itemIndex),
	});
}
