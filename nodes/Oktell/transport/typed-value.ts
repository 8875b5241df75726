import type { IDataObject } from 'n8n-workflow';

const NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/** A number when the text is a plain decimal (no leading zeros, which codes keep); else the text. */
export function typedValue(text: string): string | number {
	return NUMBER.test(text) ? Number(text) : text;
}

/** Oktell writes flags as 1/0 (and sometimes true/false). */
export function flag(value: unknown): boolean | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim().toLowerCase();
	return text === '1' || text === 'true';
}

/** Fast-xml-parser's tree as clean JSON: no `@_` prefixes, numbers typed, lone text as value. */
export function cleanXml(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(cleanXml);
	if (typeof node === 'string') return typedValue(node);
	if (!node || typeof node !== 'object') return node;
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(node as IDataObject)) {
		if (key === '?xml') continue;
		if (key === '#text') {
			if (String(value).trim() !== '') result.text = typedValue(String(value).trim());
			continue;
		}
		result[key.replace(/^@_/, '')] = cleanXml(value) as IDataObject;
	}
	const keys = Object.keys(result);
	return keys.length === 1 && keys[0] === 'text' ? result.text : result;
}
