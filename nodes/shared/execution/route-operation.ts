import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type OperationExecute = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

/** resource → operation → the operation file's `execute`. */
export type OperationTable = Record<string, Record<string, OperationExecute>>;

/** Hands the items to the operation that the node's Resource and Operation parameters name. */
export async function routeOperation(
	context: IExecuteFunctions,
	operations: OperationTable,
): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return [await execute.call(context)];
}
