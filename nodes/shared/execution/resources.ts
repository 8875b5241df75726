import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationExecute } from './route-operation';

/** What an `<operation>.operation.ts` file exports. */
export interface OperationModule {
	/** Its entry in the Operation picker; `value` is the saved parameter value. */
	option: Required<Pick<INodePropertyOptions, 'name' | 'value' | 'description' | 'action'>> & {
		value: string;
	};
	/** Its own fields; shown only for this resource and operation. */
	properties: INodeProperties[];
	execute: OperationExecute;
}

/** One resource: its picker entry and its operations, the only list of them. */
export interface ResourceDefinition {
	option: { name: string; value: string; description?: string };
	operations: OperationModule[];
	/** The operation picked when the resource is chosen. */
	defaultOperation: string;
}

export function defineResource(
	option: ResourceDefinition['option'],
	operations: OperationModule[],
	defaultOperation = operations[0].option.value,
): ResourceDefinition {
	return { option, operations, defaultOperation };
}

/** The Resource picker, then each resource's Operation picker and operation fields. */
export function resourceProperties(
	resources: ResourceDefinition[],
	defaultResource = resources[0].option.value,
): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: byName(resources.map((resource) => resource.option)),
			default: defaultResource,
		},
		...resources.flatMap(operationProperties),
	];
}

function operationProperties(resource: ResourceDefinition): INodeProperties[] {
	const show = (operation: string) => ({
		show: { resource: [resource.option.value], operation: [operation] },
	});
	const defaultOperation = resource.defaultOperation;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.option.value] } },
			options: byName(resource.operations.map((operation) => operation.option)),
			default: defaultOperation,
		},
		...resource.operations.flatMap((operation) =>
			updateDisplayOptions(show(operation.option.value), operation.properties),
		),
	];
}

/** resource → operation → execute, derived from the same list. */
export function operationTable(
	resources: ResourceDefinition[],
): Record<string, Record<string, OperationExecute>> {
	return Object.fromEntries(
		resources.map((resource) => [
			resource.option.value,
			Object.fromEntries(
				resource.operations.map((operation) => [operation.option.value, operation.execute]),
			),
		]),
	);
}

/** n8n lists options in alphabetical order. */
function byName<T extends { name: string }>(options: T[]): T[] {
	return [...options].sort((a, b) => a.name.localeCompare(b.name));
}
