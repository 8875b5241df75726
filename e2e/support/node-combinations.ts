interface OptionValue {
	name: string;
	value: string;
}

interface Property {
	name: string;
	type: string;
	options?: OptionValue[];
	displayOptions?: { show?: Record<string, unknown[]> };
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	group: string[];
	iconUrl?: string | { light: string; dark: string };
	credentials?: Array<{ name: string }>;
	properties: Property[];
}

export interface Combination {
	resource?: OptionValue;
	operation?: OptionValue;
}

function shownFor(property: Property, resource: string | undefined): boolean {
	const shown = property.displayOptions?.show?.resource;
	return !shown || (resource !== undefined && shown.includes(resource));
}

/** Every resource × operation the node offers (one empty combination for a node without them). */
export function combinationsOf(node: NodeTypeDescription): Combination[] {
	const resources = node.properties.find((property) => property.name === 'resource')?.options;
	const operationsFor = (resource: string | undefined) =>
		node.properties
			.filter((property) => property.name === 'operation' && property.type === 'options')
			.filter((property) => shownFor(property, resource))
			.flatMap((property) => property.options ?? [])
			.filter(
				(option, index, all) => all.findIndex((other) => other.value === option.value) === index,
			);
	if (!resources) {
		const operations = operationsFor(undefined);
		return operations.length ? operations.map((operation) => ({ operation })) : [{}];
	}
	return resources.flatMap((resource) => {
		const operations = operationsFor(resource.value);
		return operations.length
			? operations.map((operation) => ({ resource, operation }))
			: [{ resource }];
	});
}

export function latestVersion(node: NodeTypeDescription): number {
	return Array.isArray(node.version) ? Math.max(...node.version) : node.version;
}
