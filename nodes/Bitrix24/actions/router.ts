import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as method from './method/Method.resource';
import * as realtime from './realtime/Realtime.resource';

const operations: Record<
	string,
	Record<string, (this: IExecuteFunctions) => Promise<INodeExecutionData[]>>
> = {
	method: { call: method.call.execute },
	realtime: {
		getConfig: realtime.getConfig.execute,
		publishEvent: realtime.publishEvent.execute,
		sendPush: realtime.sendPush.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return [await execute.call(this)];
}
