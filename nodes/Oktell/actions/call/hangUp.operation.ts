import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { callActorProperties } from '../parameters/call-actor';
import { runCallCommand } from '../runners/call-commands';
import { requestOptions } from '../parameters/request-options';

export const option = {
	name: 'Hang Up',
	value: 'hangUp',
	description: 'End the current call (wp_abortcall)',
	action: 'Hang up a call',
};

export const properties: INodeProperties[] = [...callActorProperties, requestOptions()];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallCommand(this, {
		command: 'wp_abortcall',
		// Not repeatable: a repeat could end the next call on the line.
	});
}
