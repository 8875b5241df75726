import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { callActorProperties } from '../parameters/call-actor';
import { runCallCommand } from '../runners/call-commands';
import { requestOptions } from '../parameters/request-options';

export const option = {
	name: 'Stop Auto Call',
	value: 'stopAutoCall',
	description: 'Stop the active auto dial session (wp_autocallstop)',
	action: 'Stop an auto call',
};

export const properties: INodeProperties[] = [...callActorProperties, requestOptions()];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallCommand(this, {
		command: 'wp_autocallstop',
		// Stopping a stopped auto dial changes nothing.
		repeatable: true,
	});
}
