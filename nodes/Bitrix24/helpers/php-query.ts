import type { IDataObject } from 'n8n-workflow';

/**
 * Parameters as PHP's http_build_query writes them (`filter[>ID]=5&select[0]=ID`), the form a
 * `batch` command carries after its method name.
 */
export function phpQuery(params: IDataObject): string {
	const pairs: string[] = [];
	const add = (key: string, value: unknown) => {
		if (value === undefined || value === null) return;
		if (typeof value === 'object') {
			for (const [child, nested] of Object.entries(value as IDataObject)) {
				add(`${key}[${child}]`, nested);
			}
			return;
		}
		const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
		pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
	};
	for (const [key, value] of Object.entries(params)) add(key, value);
	return pairs.join('&');
}
