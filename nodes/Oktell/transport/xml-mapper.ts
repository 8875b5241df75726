/** Elements that can repeat in Oktell's XML replies; always read as lists. */
export const XML_LISTS = [
	'data',
	'property_set',
	'property_simple',
	'property_cdata',
	'element',
	'file',
];

export interface OktellProperty {
	/** `value` of property_simple, or the text of property_cdata. */
	value?: string;
	/** The `name` attribute: a state's name (`usReady`), or for some keys the value itself. */
	name?: string;
}

export interface PropertySet {
	setName?: string;
	id?: string;
	properties: Record<string, OktellProperty>;
}

type XmlNode = Record<string, unknown>;

/**
 * The property sets of an `oktellxmlmapper` reply. A key may come as `property_simple` (with a
 * `value` and/or a `name`) or as `property_cdata` (text): both are read the same way.
 */
export function propertySets(xml: XmlNode): PropertySet[] | undefined {
	const mapper = xml.oktellxmlmapper as XmlNode | undefined;
	if (!mapper || typeof mapper !== 'object') return undefined;
	return list(mapper.data).flatMap((data) =>
		list(data.property_set).map((set) => {
			const properties: Record<string, OktellProperty> = {};
			for (const simple of list(set.property_simple)) {
				properties[String(simple['@_key'])] = {
					value: optional(simple['@_value']),
					name: optional(simple['@_name']),
				};
			}
			for (const cdata of list(set.property_cdata)) {
				properties[String(cdata['@_key'])] = {
					value: typeof cdata['#text'] === 'string' ? cdata['#text'] : '',
					name: optional(cdata['@_name']),
				};
			}
			return { setName: optional(set['@_name']), id: optional(set['@_id']), properties };
		}),
	);
}

/** The value of a key; a property_simple that has only a `name` carries its value there. */
export function valueOf(set: PropertySet, key: string): string | undefined {
	const property = set.properties[key];
	if (!property) return undefined;
	return property.value ?? property.name;
}

function list(value: unknown): XmlNode[] {
	if (value === undefined || value === null || value === '') return [];
	return (Array.isArray(value) ? value : [value]).filter(
		(entry): entry is XmlNode => typeof entry === 'object' && entry !== null,
	);
}

function optional(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}
