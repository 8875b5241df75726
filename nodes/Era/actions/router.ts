import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/execution/route-operation';
import { routeOperation } from '../../shared/execution/route-operation';
import * as integrationPoint from './integrationPoint/IntegrationPoint.resource';
import * as integrationToken from './integrationToken/IntegrationToken.resource';

const operations: OperationTable = {
	integrationPoint: {
		create: integrationPoint.create.execute,
		delete: integrationPoint.delete.execute,
		get: integrationPoint.get.execute,
		getMany: integrationPoint.getMany.execute,
		lookup: integrationPoint.lookup.execute,
		update: integrationPoint.update.execute,
	},
	integrationToken: { check: integrationToken.check.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
