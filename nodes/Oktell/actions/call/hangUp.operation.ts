import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callActorProperties, runCallCommand } from '../../helpers/call-actor';

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['hangUp'] } },
	callActorProperties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallCommand(this, { command: 'wp_abortcall' });
}
