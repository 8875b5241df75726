import type * as Saxes from 'saxes';

import { quoteStart } from '../http/reply-body';
import { HTML_NAMED_ENTITIES } from './html-entities';
import { ReplyTextDecoder } from './reply-text-decoder';

/** saxes loads with the first XML reply, not with the pack. */
function saxes(): typeof Saxes {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require('saxes') as typeof Saxes;
}

/** Deeper than any vendor reply; bounds the recursion of everything that walks the value later. */
export const MAX_XML_DEPTH = 64;
/** Characters kept from the start of a reply, for quoting it in a problem. */
const HEAD_LENGTH = 64 * 1024;

/**
 * What an XML reply says, one event at a time. Element names lose their namespace prefix when
 * asked; attributes always come as written (find them with `attributeNamed`).
 */
export interface XmlEvents {
	open(name: string, attributes: Record<string, string>): void;
	/** Character data and CDATA sections, references decoded; may come in several pieces. */
	text(text: string): void;
	/** The element opened last has ended (well-formedness guarantees which one). */
	close(): void;
}

export interface XmlReaderOptions {
	/** Drop namespace prefixes from element names (`soap:Body` → `Body`). */
	removeNamespacePrefixes?: boolean;
	/**
	 * Also decode HTML's named entities (`&nbsp;`, `&copy;`), which some SOAP servers send.
	 * Numeric character references (`&#13;`, `&#x41;`) are XML and always decoded.
	 */
	characterReferences?: boolean;
	/** Sees each piece of the reply as text, as it is read. */
	onText?: (text: string) => void;
}

/** A reply the reader refused: broken, declaring entities, nested too deeply. */
export class XmlProblem extends Error {}

/** Runs `read`: the XmlProblem it threw, if any. Anything else it threw is a bug and goes on. */
export function problemOf(read: () => void): XmlProblem | undefined {
	let thrown: unknown;
	try {
		read();
	} catch (error) {
		thrown = error;
	}
	if (thrown === undefined || thrown instanceof XmlProblem) return thrown;
	throw thrown;
}

/** saxes' words for a markup declaration (`<!DOCTYPE` out of place, `<!ENTITY`, `<!ELEMENT` …). */
const DECLARATION_ERROR = /doctype|incorrect syntax/i;
const UNDEFINED_ENTITY = /: undefined entity\.$/;

export function localName(name: string): string {
	const colon = name.indexOf(':');
	return colon === -1 ? name : name.slice(colon + 1);
}

/** An attribute by its local name, whatever its prefix (`xsi:type`, `type`); never `xmlns`. */
export function attributeNamed(
	attributes: Record<string, string>,
	local: string,
): string | undefined {
	for (const name in attributes) {
		if (name === local) return attributes[name];
		const colon = name.length - local.length - 1;
		if (colon > 0 && name.charCodeAt(colon) === 0x3a && name.endsWith(local)) {
			if (!name.startsWith('xmlns:')) return attributes[name];
		}
	}
	return undefined;
}

/**
 * The pack's one reader of XML from a server we do not control, fed as the reply arrives: no
 * DOCTYPE or entity declarations (so no entity expansion; the same words as text in CDATA or a
 * comment are fine), well-formed or refused, nesting bounded, and every problem quotes the
 * start of the body. It builds nothing itself: `events` gets each element as it is read.
 */
export class UntrustedXmlReader {
	/** The start of the reply as text, for quoting. */
	head = '';
	private readonly parser: Saxes.SaxesParser;
	private readonly bytes = new ReplyTextDecoder();
	private depth = 0;
	private readonly onText?: (text: string) => void;
	private failure?: Error;

	constructor(
		private readonly vendor: string,
		/** Who hears the events; may be changed between events (to hand a subtree to a decoder). */
		public events: XmlEvents,
		options: XmlReaderOptions = {},
	) {
		const parser = new (saxes().SaxesParser)({ xmlns: false, position: true });
		if (options.characterReferences) Object.assign(parser.ENTITIES, HTML_NAMED_ENTITIES);
		const strip = options.removeNamespacePrefixes ?? false;
		parser.on('doctype', () => {
			throw this.problem('declaration');
		});
		parser.on('error', (error) => {
			// An entity XML does not define stays as written, as it always has (`&nbsp;` in Oktell's text).
			if (UNDEFINED_ENTITY.test(error.message)) return;
			throw this.problem(DECLARATION_ERROR.test(error.message) ? 'declaration' : error.message);
		});
		parser.on('opentag', (tag) => {
			if (++this.depth > MAX_XML_DEPTH) throw this.problem('depth');
			const attributes = tag.attributes as Record<string, string>;
			this.events.open(strip ? localName(tag.name) : tag.name, attributes);
		});
		parser.on('text', (text) => {
			if (this.depth > 0) this.events.text(text);
		});
		parser.on('cdata', (text) => this.events.text(text));
		parser.on('closetag', () => {
			this.depth--;
			this.events.close();
		});
		this.parser = parser;
		this.onText = options.onText;
	}

	/** Reads the next piece of the reply, as text. Throws XmlProblem when it cannot be read. */
	writeText(text: string): void {
		if (this.failure) throw this.failure;
		if (this.head.length < HEAD_LENGTH) this.head += text.slice(0, HEAD_LENGTH - this.head.length);
		this.onText?.(text);
		try {
			this.parser.write(text);
		} catch (error) {
			throw this.fail(error);
		}
	}

	/** Reads the next piece of the reply as bytes: UTF-8, or UTF-16 by its byte-order mark. */
	writeBytes(chunk: Uint8Array): void {
		if (this.failure) throw this.failure;
		this.writeText(this.decoded(() => this.bytes.decode(chunk)));
	}

	/** The reply has ended: throws XmlProblem when it stopped before its end. */
	end(): void {
		if (this.failure) throw this.failure;
		const rest = this.decoded(() => this.bytes.end());
		if (rest) this.writeText(rest);
		try {
			this.parser.close();
		} catch (error) {
			throw this.fail(error);
		}
	}

	private decoded(decode: () => string): string {
		try {
			return decode();
		} catch (error) {
			const problem = new XmlProblem(
				`${this.vendor} sent a reply ${(error as Error).message}: ${quoteStart(this.head)}`,
			);
			throw this.fail(problem);
		}
	}

	/** Problems of the XML are XmlProblems already; anything else came from `events`. */
	private fail(error: unknown): Error {
		this.failure ??= error instanceof Error ? error : new Error(String(error));
		return this.failure;
	}

	private problem(reason: 'declaration' | 'depth' | string): XmlProblem {
		const quote = quoteStart(this.head);
		if (reason === 'declaration') {
			return new XmlProblem(
				`${this.vendor} sent XML with a DOCTYPE or entity declaration, which is refused for safety: ${quote}`,
			);
		}
		if (reason === 'depth') {
			return new XmlProblem(
				`${this.vendor} sent XML nested deeper than ${MAX_XML_DEPTH} levels, which is refused: ${quote}`,
			);
		}
		return new XmlProblem(
			`${this.vendor} sent a reply that is not valid XML (${describe(reason)}): ${quote}`,
		);
	}
}

/** saxes says `1:23: unexpected close tag.`; the problem says `unexpected close tag, line 1`. */
function describe(message: string): string {
	const match = /^(?:[^:]*:)?(\d+):\d+: (.*?)\.?$/.exec(message);
	return match ? `${match[2]}, line ${match[1]}` : message;
}
