import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { callActorProperties } from '../parameters/call-actor';
import { runCallCommand } from '../runners/call-commands';
import { requestOptions } from '../parameters/request-options';

export const option = {
	name: 'Flash',
	value: 'flash',
	description: 'Send a flash for the line (wp_flash)',
	action: 'Flash a call',
};

export const properties: INodeProperties[] = [
	...callActorProperties,
	{
		displayName: 'Mode',
		name: 'flashMode',
		type: 'options',
		description: 'What to do when a caller is already on hold',
		options: [
			{ name: 'Default', value: 'default', description: "The server's default" },
			{
				name: 'Abort',
				value: 'abort',
				description: 'Hang up the current caller and return to the held one',
			},
			{
				name: 'Switch',
				value: 'switch',
				description: 'Return to the held caller and put the current one on hold',
			},
			{
				name: 'Next',
				value: 'next',
				description: 'Hang up the current caller and dial at once, leaving the held one on hold',
			},
		],
		default: 'default',
	},
	requestOptions(),
];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallCommand(this, {
		command: 'wp_flash',
		// Not repeatable: each flash moves the call on: a repeat would switch or hang up again.
		query: (itemIndex) => {
			const mode = this.getNodeParameter('flashMode', itemIndex, 'default') as string;
			return { mode: mode === 'default' ? undefined : mode };
		},
	});
}
