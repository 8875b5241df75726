/**
 * The simulator's own small XML reader: elements, attributes, text, CDATA, comments and
 * processing instructions, with namespaces resolved. It shares nothing with the node's reader, so
 * a bug in one cannot cancel out in the other. DOCTYPE is refused (no entities), depth is bounded.
 */

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const MAX_DEPTH = 64;

export interface XmlAttribute {
	local: string;
	ns: string;
	value: string;
}

export interface XmlElement {
	/** As written, with its prefix. */
	name: string;
	local: string;
	ns: string;
	attributes: XmlAttribute[];
	children: XmlElement[];
	/** The element's own text (children's text excluded). */
	text: string;
	/** Prefix → namespace in scope here, to resolve QName values such as xsi:type="xs:string". */
	scope: Map<string, string>;
}

export class XmlReadError extends Error {}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string, at: number): string {
	return text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
		if (!whole.endsWith(';')) throw new XmlReadError(`A bare "&" near offset ${at}`);
		if (PREDEFINED[name]) return PREDEFINED[name];
		const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1];
		const decimal = /^#(\d+)$/.exec(name)?.[1];
		if (code !== undefined) return String.fromCodePoint(parseInt(code, 16));
		if (decimal !== undefined) return String.fromCodePoint(parseInt(decimal, 10));
		throw new XmlReadError(`Unknown entity &${name}; near offset ${at}`);
	});
}

function split(qualified: string): [string, string] {
	const colon = qualified.indexOf(':');
	return colon < 0 ? ['', qualified] : [qualified.slice(0, colon), qualified.slice(colon + 1)];
}

const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/y;
const NAME = /[^\s/>]+/y;

/** Reads one document into its root element; throws XmlReadError when it is not well-formed. */
export function readXmlTree(text: string): XmlElement {
	let at = 0;
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	const fail = (problem: string): never => {
		throw new XmlReadError(
			`${problem} at offset ${at}: ${JSON.stringify(text.slice(at, at + 40))}`,
		);
	};

	while (at < text.length) {
		const open = text.indexOf('<', at);
		const chunk = text.slice(at, open < 0 ? text.length : open);
		if (chunk.trim() !== '') {
			if (stack.length === 0) fail('Text outside the root element');
			stack[stack.length - 1].text += decodeEntities(chunk, at);
		}
		if (open < 0) break;
		at = open;
		if (text.startsWith('<!--', at)) {
			const end = text.indexOf('-->', at);
			if (end < 0) fail('An unclosed comment');
			at = end + 3;
		} else if (text.startsWith('<![CDATA[', at)) {
			const end = text.indexOf(']]>', at);
			if (end < 0 || stack.length === 0) fail('A CDATA section out of place');
			stack[stack.length - 1].text += text.slice(at + 9, end);
			at = end + 3;
		} else if (text.startsWith('<!', at)) {
			fail('A DOCTYPE or entity declaration is not accepted');
		} else if (text.startsWith('<?', at)) {
			const end = text.indexOf('?>', at);
			if (end < 0) fail('An unclosed processing instruction');
			at = end + 2;
		} else if (text.startsWith('</', at)) {
			const end = text.indexOf('>', at);
			const name = text.slice(at + 2, end).trim();
			const current = stack.pop();
			if (end < 0 || !current || current.name !== name) fail(`An unexpected </${name}>`);
			at = end + 1;
		} else {
			at += 1;
			NAME.lastIndex = at;
			const name = NAME.exec(text)?.[0] ?? fail('An element without a name');
			at += name.length;
			const raw: Array<[string, string]> = [];
			for (;;) {
				ATTRIBUTE.lastIndex = at;
				const match = ATTRIBUTE.exec(text);
				if (!match) break;
				raw.push([match[1], decodeEntities(match[3] ?? match[4] ?? '', at)]);
				at = ATTRIBUTE.lastIndex;
			}
			const rest = /^\s*(\/?)>/.exec(text.slice(at, at + 64));
			if (!rest) fail(`A broken start tag <${name}`);
			at += rest![0].length;
			const parent = stack[stack.length - 1];
			if (!parent && root) fail('A second root element');
			const scope = new Map(parent?.scope ?? [['xml', XML_NS]]);
			for (const [attribute, value] of raw) {
				if (attribute === 'xmlns') scope.set('', value);
				else if (attribute.startsWith('xmlns:')) scope.set(attribute.slice(6), value);
			}
			const resolve = (prefix: string, isAttribute: boolean) => {
				if (prefix === '') return isAttribute ? '' : (scope.get('') ?? '');
				return scope.get(prefix) ?? fail(`The prefix "${prefix}" is not declared`);
			};
			const [prefix, local] = split(name);
			const element: XmlElement = {
				name,
				local,
				ns: resolve(prefix, false),
				attributes: raw
					.filter(([attribute]) => attribute !== 'xmlns' && !attribute.startsWith('xmlns:'))
					.map(([attribute, value]) => {
						const [attributePrefix, attributeLocal] = split(attribute);
						return { local: attributeLocal, ns: resolve(attributePrefix, true), value };
					}),
				children: [],
				text: '',
				scope,
			};
			if (parent) parent.children.push(element);
			else root = element;
			if (rest![1] !== '/') {
				if (stack.length >= MAX_DEPTH) fail(`Nesting deeper than ${MAX_DEPTH} elements`);
				stack.push(element);
			}
		}
	}
	if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> is not closed`);
	return root ?? fail('No root element');
}

export function attributeOf(element: XmlElement, local: string, ns = ''): string | undefined {
	return element.attributes.find((each) => each.local === local && each.ns === ns)?.value;
}

export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
	return element.children.filter((child) => child.local === local);
}

export function childNamed(element: XmlElement, local: string): XmlElement | undefined {
	return element.children.find((child) => child.local === local);
}

/** A QName value (`xs:string`) as its namespace and local name, resolved where it is written. */
export function resolveQName(element: XmlElement, value: string): { ns: string; local: string } {
	const [prefix, local] = split(value.trim());
	return { ns: element.scope.get(prefix) ?? '', local };
}
