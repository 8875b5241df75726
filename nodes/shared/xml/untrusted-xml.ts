import type * as FastXmlParser from 'fast-xml-parser';
import type { EntityDecoderOptions } from 'fast-xml-parser';

import { quoteStart } from '../http/reply-body';

/** fast-xml-parser loads with the first XML reply, not with the pack. */
function fastXmlParser(): typeof FastXmlParser {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require('fast-xml-parser') as typeof FastXmlParser;
}

export const MAX_XML_CHARACTERS = 20 * 1024 * 1024;
const MAX_DEPTH = 64;
const DECLARATIONS = /<!(DOCTYPE|ENTITY)/i;
/** Where `<!DOCTYPE` is only text: CDATA sections and comments, each ending at its first close. */
const TEXT_SECTIONS = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;

/** XML 1.0 `Char`: what a numeric character reference may stand for. */
function isXmlCharacter(code: number): boolean {
	return (
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code <= 0xd7ff) ||
		(code >= 0xe000 && code <= 0xfffd) ||
		(code >= 0x10000 && code <= 0x10ffff)
	);
}

/**
 * XML's own references and nothing more: the five predefined entities and numeric character
 * references, in one pass (so `&amp;#13;` stays `&#13;`). A reference to a character XML does not
 * allow is left as written.
 */
const xmlReferences: EntityDecoderOptions = {
	decode: (text) =>
		text.replace(REFERENCE, (whole, hex?: string, decimal?: string, name?: string) => {
			if (name) return PREDEFINED[name];
			const code = hex ? parseInt(hex, 16) : Number(decimal);
			return isXmlCharacter(code) ? String.fromCodePoint(code) : whole;
		}),
	// Declarations are refused before parsing, so there are never other entities to add.
	setExternalEntities: () => {},
	addInputEntities: () => {},
	reset: () => {},
	setXmlVersion: () => {},
};

export type XmlReply =
	| { ok: true; value: Record<string, unknown> }
	| { ok: false; problem: string };

export interface XmlReadOptions {
	/** Drop namespace prefixes from element and attribute names (`soap:Body` → `Body`). */
	removeNamespacePrefixes?: boolean;
	/** Elements that always become arrays, even when there is one. */
	alwaysArray?: string[];
	/**
	 * Also decode HTML's named entities (`&nbsp;`, `&copy;`), which some SOAP servers send.
	 * Numeric character references (`&#13;`, `&#x41;`) are XML and always decoded.
	 */
	characterReferences?: boolean;
}

/**
 * Reads XML from a server we do not control: no DOCTYPE or entity declarations (so no entity
 * expansion; the same words as text in CDATA or a comment are fine), bounded size and nesting,
 * and a clear problem that quotes the start of the body.
 * Attributes come as `@_name`, text beside attributes as `#text`; values stay strings.
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
	if (DECLARATIONS.test(text.replace(TEXT_SECTIONS, ''))) {
		return {
			ok: false,
			problem: `${vendor} sent XML with a DOCTYPE or entity declaration, which is refused for safety: ${quoteStart(text)}`,
		};
	}
	const { XMLParser, XMLValidator } = fastXmlParser();
	const valid = XMLValidator.validate(text);
	if (valid !== true) {
		return {
			ok: false,
			problem: `${vendor} sent a reply that is not valid XML (${valid.err.msg}, line ${valid.err.line}): ${quoteStart(text)}`,
		};
	}
	const alwaysArray = new Set(options.alwaysArray ?? []);
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
		processEntities: true,
		...(options.characterReferences ? { htmlEntities: true } : { entityDecoder: xmlReferences }),
		removeNSPrefix: options.removeNamespacePrefixes ?? false,
		maxNestedTags: MAX_DEPTH,
		isArray: (name) => alwaysArray.has(name),
	});
	try {
		return { ok: true, value: parser.parse(text) as Record<string, unknown> };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return {
			ok: false,
			problem: `${vendor} sent XML that could not be read (${reason}): ${quoteStart(text)}`,
		};
	}
}
