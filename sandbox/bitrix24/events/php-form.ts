/**
 * A nested object as PHP's http_build_query writes it (`data[FIELDS][ID]=5&auth[domain]=…`),
 * the form body Bitrix24 posts to an event handler.
 */
export function phpForm(params: Record<string, unknown>): string {
	const pairs: string[] = [];
	const add = (key: string, value: unknown) => {
		if (value === undefined || value === null) return;
		if (typeof value === 'object') {
			for (const [child, nested] of Object.entries(value as Record<string, unknown>)) {
				add(`${key}[${child}]`, nested);
			}
			return;
		}
		pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
	};
	for (const [key, value] of Object.entries(params)) add(key, value);
	return pairs.join('&');
}
