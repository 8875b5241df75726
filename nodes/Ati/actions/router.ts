import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/execution/route-operation';
import { routeOperation } from '../../shared/execution/route-operation';
import * as presence from './presence/Presence.resource';

const operations: OperationTable = {
	presence: { get: presence.get.execute, getMany: presence.getMany.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
