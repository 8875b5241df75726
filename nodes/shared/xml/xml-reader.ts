import { TextDecoder } from 'node:util';

import { encodingOf, quoteStart } from '../http/reply-body';
import { HTML_NAMED_ENTITIES } from './html-entities';
import { ReplyTextDecoder } from './reply-text-decoder';
import type { TokenEvents } from './xml-tokenizer';
import { MAX_XML_DEPTH, XmlSyntaxError, XmlTokenizer } from './xml-tokenizer';

export { MAX_XML_DEPTH };
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
	/** Sees each piece of the reply as UTF-8 bytes, as it is read. */
	onBytes?: (utf8: Uint8Array) => void;
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
	private readonly tokenizer: XmlTokenizer;
	/** Decided by the first bytes: UTF-16 by its byte-order mark, else UTF-8. */
	private encoding?: 'utf-8' | 'utf-16';
	private start: Uint8Array = new Uint8Array(0);
	/** UTF-16 replies only: their text, which is read as UTF-8. */
	private utf16?: ReplyTextDecoder;
	/** UTF-8 bytes only, until the start of the reply is kept for quoting. */
	private headDecoder?: TextDecoder;
	private readonly onBytes?: (utf8: Uint8Array) => void;
	private failure?: Error;
	/** `end` found the document stopped in the middle: an element, tag or section left open. */
	unfinished = false;

	constructor(
		private readonly vendor: string,
		/** Who hears the events; may be changed between events (to hand a subtree to a decoder). */
		public events: XmlEvents,
		options: XmlReaderOptions = {},
	) {
		this.tokenizer = new XmlTokenizer(
			new EventForwarder(this, options.removeNamespacePrefixes ?? false),
			options.characterReferences ? HTML_NAMED_ENTITIES : undefined,
		);
		this.onBytes = options.onBytes;
	}

	/** Reads the next piece of the reply, as text. Throws XmlProblem when it cannot be read. */
	writeText(text: string): void {
		if (this.failure) throw this.failure;
		this.encoding ??= 'utf-8';
		this.readText(text);
	}

	/** Reads the next piece of the reply as bytes: UTF-8, or UTF-16 by its byte-order mark. */
	writeBytes(chunk: Uint8Array): void {
		if (this.failure) throw this.failure;
		let bytes = chunk;
		if (this.encoding === undefined) {
			bytes = Buffer.concat([this.start, chunk]);
			if (bytes.length < 3) {
				this.start = bytes;
				return;
			}
			this.start = new Uint8Array(0);
			const { encoding, start } = encodingOf(bytes);
			this.encoding = encoding === 'utf-8' ? 'utf-8' : 'utf-16';
			if (this.encoding === 'utf-8') bytes = bytes.subarray(start);
		}
		if (this.encoding === 'utf-16')
			return this.readText(this.decoded(() => this.utf16Of().decode(bytes)));
		if (this.head.length < HEAD_LENGTH) {
			this.headDecoder ??= new TextDecoder();
			this.keepHead(this.headDecoder.decode(bytes, { stream: true }));
		}
		this.tokenize(bytes);
	}

	/** The reply has ended: throws XmlProblem when it stopped before its end. */
	end(): void {
		if (this.failure) throw this.failure;
		if (this.encoding === undefined) {
			const start = this.start;
			this.encoding = encodingOf(start).encoding === 'utf-8' ? 'utf-8' : 'utf-16';
			if (this.encoding === 'utf-16')
				this.readText(this.decoded(() => this.utf16Of().decode(start)));
			else if (start.length > 0) this.writeBytes(start);
		}
		if (this.encoding === 'utf-16') this.readText(this.decoded(() => this.utf16Of().end()));
		try {
			this.tokenizer.close();
		} catch (error) {
			this.unfinished = error instanceof XmlSyntaxError && error.reason !== 'no root element';
			throw this.fail(error);
		}
	}

	/** Drops the start of the reply kept for quoting; the reply has been read. */
	letGo(): void {
		this.head = '';
	}

	private utf16Of(): ReplyTextDecoder {
		return (this.utf16 ??= new ReplyTextDecoder());
	}

	private readText(text: string): void {
		if (text === '') return;
		this.keepHead(text);
		this.tokenize(Buffer.from(text, 'utf8'));
	}

	private keepHead(text: string): void {
		if (this.head.length < HEAD_LENGTH) this.head += text.slice(0, HEAD_LENGTH - this.head.length);
	}

	private tokenize(utf8: Uint8Array): void {
		this.onBytes?.(utf8);
		try {
			this.tokenizer.write(utf8);
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

	/** The tokenizer's refusals become XmlProblems; anything else came from `events`. */
	private fail(error: unknown): Error {
		const failure =
			error instanceof XmlSyntaxError
				? this.problem(error.reason, error.line)
				: error instanceof Error
					? error
					: new Error(String(error));
		this.failure ??= failure;
		return this.failure;
	}

	private problem(reason: 'declaration' | 'depth' | string, line: number): XmlProblem {
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
			`${this.vendor} sent a reply that is not valid XML (${reason}, line ${line}): ${quote}`,
		);
	}
}

/**
 * Hands the tokenizer's events to whoever hears the reader's now. A class, not closures made per
 * reply: V8's optimized code then keeps the same call targets from one reply to the next.
 */
class EventForwarder implements TokenEvents {
	constructor(
		private readonly reader: { events: XmlEvents },
		private readonly strip: boolean,
	) {}

	open(name: string, attributes: Record<string, string>): void {
		this.reader.events.open(this.strip ? localName(name) : name, attributes);
	}

	text(text: string): void {
		this.reader.events.text(text);
	}

	close(): void {
		this.reader.events.close();
	}
}
