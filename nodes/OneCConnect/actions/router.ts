import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as customOperation from './customOperation/CustomOperation.resource';
import type { OperationSpec } from './operation-spec';
import { resourceSpecs } from './resources';
import { runBatch } from './run/batch';
import { runPerItemCall } from './run/per-item';

const typed = new Map<string, OperationSpec>(
	resourceSpecs.flatMap((resource) =>
		resource.operations.map((spec) => [`${resource.value}:${spec.value}`, spec] as const),
	),
);

/** Batches (Add/Edit/Delete) run across items; reads and single calls run per item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (resource === 'customOperation' && operation === 'execute') {
		return [await customOperation.execute.execute.call(this)];
	}
	const spec = typed.get(`${resource}:${operation}`);
	if (!spec) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	if (spec.kind === 'batch') return [await runBatch.call(this, spec)];
	return [await runPerItemCall.call(this, spec)];
}
