type Params = Record<string, unknown>;

/** Reads `filter[>ID]=5&select[]=ID` into nested objects, as PHP fills $_REQUEST. */
export function parsePhpQuery(query: string | URLSearchParams): Params {
	const params: Params = {};
	const search = typeof query === 'string' ? new URLSearchParams(query) : query;
	for (const [name, value] of search) {
		const match = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(name);
		if (!match) continue;
		const keys = [match[1], ...[...match[2].matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])];
		let node: Params = params;
		keys.forEach((key, index) => {
			const last = index === keys.length - 1;
			const slot = key === '' ? String(Object.keys(node).length) : key;
			if (last) node[slot] = value;
			else node = (node[slot] = (node[slot] as Params) ?? {}) as Params;
		});
	}
	return params;
}

/** A list given as a PHP array ({0: 'a', 1: 'b'}), a JSON array or a single value. */
export function listOf(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value;
	if (typeof value === 'object') return Object.values(value as Params);
	return [value];
}
