import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { callActorProperties } from '../parameters/call-actor';
import { runCallCommand } from '../runners/call-commands';
import { dialTarget, dialTargetProperties } from '../parameters/dial-target';
import { requestOptions } from '../parameters/request-options';

export const option = {
	name: 'Start Auto Call',
	value: 'startAutoCall',
	description: 'Start a call or an auto dial to a number (wp_autocallstart)',
	action: 'Start an auto call',
};

export const properties: INodeProperties[] = [
	...callActorProperties,
	...dialTargetProperties,
	requestOptions(),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallCommand(this, {
		command: 'wp_autocallstart',
		// Not repeatable: a repeat would dial again.
		query: (itemIndex) => dialTarget(this, itemIndex),
	});
}
