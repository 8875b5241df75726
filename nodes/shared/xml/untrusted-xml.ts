import type { XmlEvents, XmlReaderOptions } from './xml-reader';
import { UntrustedXmlReader, localName, problemOf } from './xml-reader';

export const MAX_XML_CHARACTERS = 20 * 1024 * 1024;

export type XmlReply =
	| { ok: true; value: Record<string, unknown> }
	| { ok: false; problem: string };

export interface XmlReadOptions extends XmlReaderOptions {
	/** Also drop namespace prefixes from attribute names, and the `xmlns` attributes. */
	removeNamespacePrefixes?: boolean;
	/** Elements that always become arrays, even when there is one. */
	alwaysArray?: string[];
}

interface Element {
	name: string;
	children: Record<string, unknown>;
	hasChildren: boolean;
	hasAttributes: boolean;
	text: string;
}

/** Builds the tree of a small reply from the reader's events. */
function treeBuilder(
	alwaysArray: Set<string>,
	removeNamespacePrefixes: boolean,
): XmlEvents & { root: Record<string, unknown> } {
	const root: Record<string, unknown> = {};
	const stack: Element[] = [];
	const add = (parent: Record<string, unknown>, name: string, value: unknown) => {
		const existing = Object.hasOwn(parent, name) ? parent[name] : undefined;
		let next: unknown;
		if (existing === undefined) next = alwaysArray.has(name) ? [value] : value;
		// Element values are strings or objects, so an array is always a list of repeats.
		else if (Array.isArray(existing)) return void existing.push(value);
		else next = [existing, value];
		// An element named `__proto__` is a key like any other, never the object's prototype.
		Object.defineProperty(parent, name, {
			value: next,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	};
	return {
		root,
		open(name, attributes) {
			const children: Record<string, unknown> = {};
			let hasAttributes = false;
			for (const attribute in attributes) {
				if (removeNamespacePrefixes) {
					if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
					children[`@_${localName(attribute)}`] = attributes[attribute];
				} else children[`@_${attribute}`] = attributes[attribute];
				hasAttributes = true;
			}
			stack.push({ name, children, hasChildren: false, hasAttributes, text: '' });
		},
		text(text) {
			stack[stack.length - 1].text += text;
		},
		close() {
			const element = stack.pop()!;
			let value: unknown;
			if (!element.hasChildren && !element.hasAttributes) value = element.text;
			else {
				if (element.text !== '') element.children['#text'] = element.text;
				value = element.children;
			}
			const parent = stack[stack.length - 1];
			if (parent) parent.hasChildren = true;
			add(parent ? parent.children : root, element.name, value);
		},
	};
}

const NO_LISTS = new Set<string>();
/** The set of each `alwaysArray` list, made once: a vendor passes the same list for every reply. */
const listSets = new WeakMap<string[], Set<string>>();

function listNames(alwaysArray: string[] | undefined): Set<string> {
	if (!alwaysArray) return NO_LISTS;
	let names = listSets.get(alwaysArray);
	if (!names) listSets.set(alwaysArray, (names = new Set(alwaysArray)));
	return names;
}

/**
 * Reads a small XML reply whole, as a tree: attributes come as `@_name`, text beside attributes
 * or child elements as `#text`; values stay strings. The safety rules are UntrustedXmlReader's.
 */
export function readUntrustedXml(
	text: string,
	vendor: string,
	options: XmlReadOptions = {},
): XmlReply {
	if (text.length > MAX_XML_CHARACTERS) {
		return {
			ok: false,
			problem: `${vendor} sent an XML reply larger than ${MAX_XML_CHARACTERS / 1024 / 1024} MB`,
		};
	}
	const tree = treeBuilder(
		listNames(options.alwaysArray),
		options.removeNamespacePrefixes ?? false,
	);
	const reader = new UntrustedXmlReader(vendor, tree, options);
	const problem = problemOf(() => {
		reader.writeText(text);
		reader.end();
	});
	if (problem) return { ok: false, problem: problem.message };
	return { ok: true, value: tree.root };
}
