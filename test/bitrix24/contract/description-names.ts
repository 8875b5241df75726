import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

/** A parameter's name and the names of the fields it holds (collections, fixed collections). */
function namesIn(property: INodeProperties): string[] {
	const inner = (property.options ?? []).flatMap((option) => {
		if ('values' in option && Array.isArray(option.values)) {
			return [
				`${option.name}`,
				...option.values.flatMap((value) => namesIn(value).map((name) => `${option.name}.${name}`)),
			];
		}
		if ('displayName' in option && 'type' in option) return namesIn(option as INodeProperties);
		return [];
	});
	return [property.name, ...valuesOf(property), ...inner.map((name) => `${property.name}.${name}`)];
}

/** Options values a parameter offers (Resource, Operation, and every options parameter). */
function valuesOf(property: INodeProperties): string[] {
	if (property.type !== 'options' && property.type !== 'multiOptions') return [];
	return (property.options ?? [])
		.filter((option) => 'value' in option)
		.map((option) => `${property.name}=${String((option as { value: unknown }).value)}`);
}

/**
 * What saved workflows rely on: every resource, each resource's operations, and for each
 * operation the names of the parameters it shows and the option values they offer.
 */
export function descriptionNames(
	description: INodeTypeDescription,
): Record<string, Record<string, string[]>> {
	const properties = description.properties;
	const resources = properties
		.filter((property) => property.name === 'resource')
		.flatMap((property) => valuesOf(property).map((value) => value.slice('resource='.length)));
	const result: Record<string, Record<string, string[]>> = {};
	for (const resource of resources) {
		const operations = properties
			.filter(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(resource),
			)
			.flatMap((property) => valuesOf(property).map((value) => value.slice('operation='.length)));
		result[resource] = {};
		for (const operation of operations) {
			const shown = properties.filter((property) => {
				const show = property.displayOptions?.show;
				return (
					property.name !== 'resource' &&
					property.name !== 'operation' &&
					show?.resource?.includes(resource) === true &&
					show?.operation?.includes(operation) === true
				);
			});
			result[resource][operation] = [
				...new Set(shown.flatMap((property) => namesIn(property))),
			].sort();
		}
	}
	return result;
}
