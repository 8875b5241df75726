import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { callActorProperties } from '../parameters/call-actor';
import { runCallCommand } from '../runners/call-commands';
import { dialTarget, dialTargetProperties } from '../parameters/dial-target';
import { requestOptions } from '../parameters/request-options';

export const option = {
	name: 'Switch Call',
	value: 'switchCall',
	description:
		'Flash-transfer the current call to a number, or dial it when the line is idle (wp_switchcall)',
	action: 'Switch a call',
};

export const properties: INodeProperties[] = [
	...callActorProperties,
	...dialTargetProperties,
	requestOptions(),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallCommand(this, {
		command: 'wp_switchcall',
		// Not repeatable: a repeat would transfer or dial again.
		query: (itemIndex) => dialTarget(this, itemIndex),
	});
}
