import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { callActorProperties } from '../parameters/call-actor';
import { runCallQuery } from '../runners/call-commands';
import { requestOptions } from '../parameters/request-options';

export const option = {
	name: 'Get Chain Content',
	value: 'getChainContent',
	description: 'Get the chain of the call the line takes part in (wp_getchaincontent)',
	action: 'Get the chain of a call',
};

export const properties: INodeProperties[] = [...callActorProperties, requestOptions()];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallQuery(this, 'wp_getchaincontent');
}
