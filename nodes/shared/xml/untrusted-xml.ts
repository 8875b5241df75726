import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { quoteStart } from '../http/reply-body';

export const MAX_XML_CHARACTERS = 20 * 1024 * 1024;
const MAX_DEPTH = 64;
const DECLARATIONS = /<!(DOCTYPE|ENTITY)/i;

export type XmlReply =
	| { ok: true; value: Record<string, unknown> }
	| { ok: false; problem: string };

export interface XmlReadOptions {
	/** Drop namespace prefixes from element and attribute names (`soap:Body` → `Body`). */
	removeNamespacePrefixes?: boolean;
	/** Elements that always become arrays, even when there is one. */
	alwaysArray?: string[];
	/**
	 * Decode numeric character references (`&#13;`, `&#x41;`), which XML allows and SOAP servers
	 * use for characters such as CR. This also decodes HTML's named entities.
	 */
	characterReferences?: boolean;
}

/**
 * Reads XML from a server we do not control: no DOCTYPE or entity declarations (so no entity
 * expansion), bounded size and nesting, and a clear problem that quotes the start of the body.
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
	if (DECLARATIONS.test(text)) {
		return {
			ok: false,
			problem: `${vendor} sent XML with a DOCTYPE or entity declaration, which is refused for safety: ${quoteStart(text)}`,
		};
	}
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
		htmlEntities: options.characterReferences ?? false,
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
