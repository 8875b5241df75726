import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { callActorProperties } from '../parameters/call-actor';
import { runCallQuery } from '../runners/call-commands';
import { requestOptions } from '../parameters/request-options';

export const option = {
	name: 'Get Abonent Info',
	value: 'getAbonentInfo',
	description: 'Get who is on the other end of the current connection (wp_getabonentinfo)',
	action: 'Get the abonent of a call',
};

export const properties: INodeProperties[] = [...callActorProperties, requestOptions()];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runCallQuery(this, 'wp_getabonentinfo');
}
