import type { OperationModule, ResourceDefinition } from '../../../shared/execution/resources';
import { defineResource } from '../../../shared/execution/resources';
import type { OperationSpec, ResourceSpec } from '../operation-spec';
import { operationProperties } from '../parameters/operation-properties';
import { runBatch } from './batch';
import { runPerItemCall } from './per-item-call';

/** A resource whose operations are rows of a spec table; `spec` keeps the table for tests. */
export type TypedResource = ResourceDefinition & { spec: ResourceSpec };

/** One spec row as an operation: Add/Edit/Delete run as batches across items, the rest per item. */
function typedOperation(spec: OperationSpec): OperationModule {
	const run = spec.kind === 'batch' ? runBatch : runPerItemCall;
	return {
		option: {
			name: spec.name,
			value: spec.value,
			description: spec.description,
			action: spec.action,
		},
		properties: operationProperties(spec),
		async execute() {
			return await run(this, spec);
		},
	};
}

/** The resource of a spec table; its default operation is the first the picker shows. */
export function typedResource(spec: ResourceSpec): TypedResource {
	const [first] = [...spec.operations].sort((a, b) => a.name.localeCompare(b.name));
	const definition = defineResource(
		{ name: spec.name, value: spec.value },
		spec.operations.map(typedOperation),
		first.value,
	);
	return { ...definition, spec };
}

export function isTypedResource(resource: ResourceDefinition): resource is TypedResource {
	return 'spec' in resource;
}
