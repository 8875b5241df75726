import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/execution/route-operation';
import { routeOperation } from '../../shared/execution/route-operation';
import * as method from './method/Method.resource';
import * as realtime from './realtime/Realtime.resource';

const operations: OperationTable = {
	method: { call: method.call.execute },
	realtime: {
		getConfig: realtime.getConfig.execute,
		publishEvent: realtime.publishEvent.execute,
		sendPush: realtime.sendPush.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
