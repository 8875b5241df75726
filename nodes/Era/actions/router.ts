import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as integrationPoint from './integrationPoint/IntegrationPoint.resource';
import * as integrationToken from './integrationToken/IntegrationToken.resource';

type Execute = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, Execute>> = {
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
