import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { callActorProperties } from '../parameters/call-actor';
import { runCallCommand } from '../runners/call-commands';
import { requestOptions } from '../parameters/request-options';

export const option = {
	name: 'Decline',
	value: 'decline',
	description: 'Decline the incoming call (wp_declinecall)',
	action: 'Decline a call',
};

export const properties: INodeProperties[] = [...callActorProperties, requestOptions()];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallCommand(this, {
		command: 'wp_declinecall',
		// Not repeatable: a repeat could decline the next call ringing on the line.
	});
}
