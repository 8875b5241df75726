/**
 * A strict, streaming XML tokenizer over UTF-8 bytes, for the subset servers send: elements,
 * attributes, text, CDATA, comments and processing instructions. Any markup declaration
 * (`<!DOCTYPE`, `<!ENTITY` …) is refused, so no entity is ever defined or expanded.
 *
 * It is written here rather than taken from npm because every maintained streaming parser
 * measured (saxes, sax, htmlparser2, ltx, sax-wasm) spends more time per element than the 1C-Connect
 * decoder's speed goal allows, and all of them need the reply as text first. Reading bytes, it
 * makes a string only of what a value holds, so no value keeps a piece of the reply alive. saxes
 * stays in the tests as the oracle it must agree with (`test/shared/xml-tokenizer-oracle.test.ts`).
 */

import { setOwnKey } from './own-key';

export interface TokenEvents {
	open(name: string, attributes: Record<string, string>): void;
	text(text: string): void;
	close(): void;
}

/** Why the XML was refused; `declaration` is a DOCTYPE or other markup declaration. */
export class XmlSyntaxError extends Error {
	constructor(
		readonly reason: string,
		readonly line: number,
	) {
		super(`${reason}, line ${line}`);
	}
}

/** Deeper than any vendor reply; bounds the recursion of everything that walks the value later. */
export const MAX_XML_DEPTH = 64;
/** A start tag, end tag or instruction longer than this is refused rather than buffered. */
const MAX_MARKUP_BYTES = 1024 * 1024;
/** Longer than any entity name a reference may use. */
const MAX_REFERENCE_BYTES = 64;
/** Names kept for finding them again, per first byte and length; more are checked each time. */
const MAX_KEPT_PER_BUCKET = 8;

interface KnownName {
	name: string;
	bytes: Buffer;
}

/**
 * Names already checked, with their bytes, by first byte and length (`bucketOf`): the same few
 * names come in every reply of a vendor, so they are kept for the process rather than per reply.
 */
const knownNames: Array<KnownName[] | undefined> = new Array<KnownName[] | undefined>(256 * 32);

function bucketOf(b: Buffer, start: number, end: number): number {
	return (b[start] << 5) | Math.min(end - start, 31);
}

const enum Mode {
	Content,
	Comment,
	Cdata,
	Instruction,
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUESTION = 0x3f;
const BANG = 0x21;
const AMP = 0x26;
const SEMICOLON = 0x3b;
const NEWLINE = 0x0a;
const CR = 0x0d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** XML 1.0 (fifth edition) `Name`. */
const XML_NAME =
	// eslint-disable-next-line no-misleading-character-class -- ranges of code points, as the spec lists them
	/^[:A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][:A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}\-.0-9\xB7\u0300-\u036F\u203F\u2040]*$/u;
/** What a text or attribute value needs beyond decoding its bytes. */
const NEEDS_WORK = /[&\r]|]]>/;

const START_CDATA = Buffer.from('<![CDATA[');
const START_COMMENT = Buffer.from('<!--');
const TERMINATORS = [Buffer.from(''), Buffer.from('-->'), Buffer.from(']]>'), Buffer.from('?>')];
const NO_BYTES = Buffer.alloc(0);
const EMPTY_ATTRIBUTES: Record<string, string> = Object.freeze({});

function isWhitespace(byte: number): boolean {
	return byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === 0x0d;
}

function isCharacter(code: number): boolean {
	return (
		(code >= 0x20 && code <= 0xd7ff) ||
		code === 0x0a ||
		code === 0x0d ||
		code === 0x09 ||
		(code >= 0xe000 && code <= 0xfffd) ||
		(code >= 0x10000 && code <= 0x10ffff)
	);
}

function xmlEntity(name: string): string | undefined {
	switch (name) {
		case 'amp':
			return '&';
		case 'lt':
			return '<';
		case 'gt':
			return '>';
		case 'quot':
			return '"';
		case 'apos':
			return "'";
		default:
			return undefined;
	}
}

export class XmlTokenizer {
	private pending: Buffer = NO_BYTES;
	private mode = Mode.Content;
	/** Names of the open elements, outermost first. */
	private readonly open: string[] = [];
	private rootSeen = false;
	private started = false;
	/** Lines before the bytes now being read, for saying where a problem is. */
	private linesBefore = 0;

	constructor(
		private readonly events: TokenEvents,
		/** Named entities beyond XML's five (HTML's, for servers that send them). */
		private readonly extraEntities?: Readonly<Record<string, string>>,
	) {}

	/** Reads the next bytes of UTF-8. */
	write(chunk: Uint8Array): void {
		const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
		const b = this.pending.length === 0 ? bytes : Buffer.concat([this.pending, bytes]);
		// The kept bytes were checked, but for a character cut off at their end.
		this.checkCharacters(b, Math.max(0, this.pending.length - 2));
		this.pending = NO_BYTES;
		const kept = this.read(b);
		if (kept < b.length) this.pending = Buffer.from(b.subarray(kept));
		this.linesBefore += linesIn(b, kept);
	}

	close(): void {
		const b = this.pending;
		this.pending = NO_BYTES;
		const end = b.length;
		if (this.mode !== Mode.Content) {
			const what = ['', 'comment', 'CDATA section', 'processing instruction'][this.mode];
			throw this.error(`unclosed ${what}`, b, end);
		}
		if (end > 0 && (this.open.length > 0 || !isBlank(b, 0, end))) {
			throw this.error('unexpected end of the document', b, end);
		}
		if (this.open.length > 0) {
			throw this.error(`unclosed tag <${this.open[this.open.length - 1]}>`, b, end);
		}
		if (!this.rootSeen) throw this.error('no root element', b, end);
	}

	/** Reads what it can of `b`; returns where the unread rest begins. */
	private read(b: Buffer): number {
		const end = b.length;
		let at = 0;
		while (at < end) {
			if (this.mode !== Mode.Content) {
				at = this.readSection(b, at);
				if ((this.mode as Mode) !== Mode.Content) return at;
				continue;
			}
			const lt = b.indexOf(LT, at);
			if (lt === -1) return this.trailingText(b, at);
			if (lt > at) this.content(b, at, lt);
			const next = this.markup(b, lt);
			if (next === -1) {
				if (end - lt > MAX_MARKUP_BYTES) throw this.error('a tag longer than 1 MiB', b, lt);
				return lt;
			}
			at = next;
		}
		return end;
	}

	/**
	 * Text up to the end of what has arrived, less what may be cut in two: a character's bytes, a
	 * reference, or the start of `]]>`.
	 */
	private trailingText(b: Buffer, at: number): number {
		const end = b.length;
		let until = end - incompleteCharacterBytes(b, at, end);
		const amp = b.lastIndexOf(AMP, until - 1);
		if (amp >= at && b.indexOf(SEMICOLON, amp) === -1 && end - amp <= MAX_REFERENCE_BYTES) {
			until = amp;
		}
		// A CR may be the first half of a CRLF, which is one line end.
		if (until > at && b[until - 1] === CR) until--;
		while (until > at && b[until - 1] === 0x5d && end - until < 2) until--;
		if (until > at) this.content(b, at, until);
		return until;
	}

	private content(b: Buffer, start: number, end: number): void {
		this.started = true;
		if (this.open.length === 0) {
			if (!isBlank(b, start, end)) {
				const where = this.rootSeen ? 'after' : 'before';
				throw this.error(`text ${where} the root element`, b, start);
			}
			return;
		}
		const raw = b.toString('utf8', start, end);
		if (!NEEDS_WORK.test(raw)) return this.events.text(raw);
		if (raw.includes(']]>')) throw this.error('"]]>" in text', b, start);
		const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
		this.events.text(text.includes('&') ? this.references(text, b, start) : text);
	}

	/** Markup at `lt`: the position after it, or -1 when it has not all arrived. */
	private markup(b: Buffer, lt: number): number {
		if (lt + 1 >= b.length) return -1;
		const byte = b[lt + 1];
		if (byte === SLASH) return this.endTag(b, lt);
		if (byte === QUESTION) return this.instruction(b, lt);
		if (byte === BANG) return this.declaration(b, lt);
		return this.startTag(b, lt);
	}

	private startTag(b: Buffer, lt: number): number {
		const end = b.length;
		let at = lt + 1;
		while (at < end) {
			const byte = b[at];
			if (byte === GT || byte === SLASH || isWhitespace(byte)) break;
			at++;
		}
		if (at >= end) return -1;
		const name = this.nameAt(b, lt + 1, at, lt);
		let attributes = EMPTY_ATTRIBUTES;
		for (;;) {
			const before = at;
			while (at < end && isWhitespace(b[at])) at++;
			if (at >= end) return -1;
			const byte = b[at];
			if (byte === GT) {
				this.openElement(name, attributes, b, lt);
				return at + 1;
			}
			if (byte === SLASH) {
				if (at + 1 >= end) return -1;
				if (b[at + 1] !== GT) throw this.error('"/" not followed by ">"', b, at);
				this.openElement(name, attributes, b, lt);
				this.open.pop();
				this.events.close();
				return at + 2;
			}
			if (at === before) throw this.error('no space before an attribute', b, at);
			const nameStart = at;
			while (at < end) {
				const c = b[at];
				if (c === EQUALS || c === GT || c === SLASH || isWhitespace(c)) break;
				at++;
			}
			const nameEnd = at;
			while (at < end && isWhitespace(b[at])) at++;
			if (at >= end) return -1;
			if (b[at] !== EQUALS) throw this.error('an attribute without a value', b, at);
			at++;
			while (at < end && isWhitespace(b[at])) at++;
			if (at >= end) return -1;
			const quote = b[at];
			if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) {
				throw this.error('an unquoted attribute value', b, at);
			}
			const close = b.indexOf(quote, at + 1);
			if (close === -1) return -1;
			const attributeName = this.nameAt(b, nameStart, nameEnd, nameStart);
			if (attributes === EMPTY_ATTRIBUTES) attributes = {};
			else if (Object.hasOwn(attributes, attributeName)) {
				throw this.error(`attribute ${attributeName} given twice`, b, nameStart);
			}
			setOwnKey(attributes, attributeName, this.attributeValue(b, at + 1, close));
			at = close + 1;
		}
	}

	private openElement(
		name: string,
		attributes: Record<string, string>,
		b: Buffer,
		lt: number,
	): void {
		this.started = true;
		if (this.open.length === 0) {
			if (this.rootSeen) throw this.error('a second root element', b, lt);
			this.rootSeen = true;
		}
		if (this.open.length >= MAX_XML_DEPTH) throw new XmlSyntaxError('depth', this.lineAt(b, lt));
		this.open.push(name);
		this.events.open(name, attributes);
	}

	private endTag(b: Buffer, lt: number): number {
		const gt = b.indexOf(GT, lt + 2);
		if (gt === -1) return -1;
		let nameEnd = gt;
		while (nameEnd > lt + 2 && isWhitespace(b[nameEnd - 1])) nameEnd--;
		const expected = this.open[this.open.length - 1];
		if (expected === undefined || !this.isName(b, lt + 2, nameEnd, expected)) {
			const name = b.toString('utf8', lt + 2, nameEnd);
			throw this.error(
				expected === undefined
					? `close tag </${name}> with no element open`
					: `unexpected close tag </${name}> where </${expected}> was due`,
				b,
				lt,
			);
		}
		this.open.pop();
		this.events.close();
		return gt + 1;
	}

	/** `<?target …?>`: read past; the XML declaration only at the very start. */
	private instruction(b: Buffer, lt: number): number {
		const end = b.length;
		let at = lt + 2;
		while (at < end && b[at] !== QUESTION && !isWhitespace(b[at])) at++;
		if (at >= end) return -1;
		const target = this.nameAt(b, lt + 2, at, lt);
		if (target.toLowerCase() === 'xml' && this.started) {
			throw this.error('an XML declaration after the start', b, lt);
		}
		this.started = true;
		this.mode = Mode.Instruction;
		return at;
	}

	/** `<!--`, `<![CDATA[`, or a markup declaration, which is refused. */
	private declaration(b: Buffer, lt: number): number {
		const seen = b.subarray(lt, lt + START_CDATA.length);
		if (seen.length >= START_COMMENT.length && seen.subarray(0, 4).equals(START_COMMENT)) {
			this.started = true;
			this.mode = Mode.Comment;
			return lt + START_COMMENT.length;
		}
		if (seen.equals(START_CDATA)) {
			if (this.open.length === 0) throw this.error('CDATA outside the root element', b, lt);
			this.mode = Mode.Cdata;
			return lt + START_CDATA.length;
		}
		const prefixOf = (whole: Buffer) =>
			seen.length < whole.length && whole.subarray(0, seen.length).equals(seen);
		if (prefixOf(START_COMMENT) || prefixOf(START_CDATA)) return -1;
		throw new XmlSyntaxError('declaration', this.lineAt(b, lt));
	}

	/**
	 * Inside a comment, CDATA section or instruction: reads to its end, or to the end of `b` less
	 * what may be the start of its terminator, or of a character, cut in two.
	 */
	private readSection(b: Buffer, at: number): number {
		const terminator = TERMINATORS[this.mode];
		const found = b.indexOf(terminator, at);
		let until = found;
		if (found === -1) {
			until = Math.max(at, b.length - terminator.length + 1);
			until -= incompleteCharacterBytes(b, at, until);
			if (until > at && b[until - 1] === CR) until--;
		}
		if (this.mode === Mode.Comment) {
			const dashes = b.indexOf('--', at);
			if (dashes !== -1 && dashes < until) throw this.error('"--" inside a comment', b, dashes);
		} else if (this.mode === Mode.Cdata && until > at) {
			const raw = b.toString('utf8', at, until);
			this.events.text(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
		}
		if (found === -1) return until;
		this.mode = Mode.Content;
		return found + terminator.length;
	}

	/**
	 * The name written from `start` to `end`. Names repeat on every row, so the ones seen are kept
	 * (checked, and interned as property keys) and found again by comparing bytes, without making
	 * and hashing a new string each time.
	 */
	private nameAt(b: Buffer, start: number, end: number, at: number): string {
		const bucket = start < end ? knownNames[bucketOf(b, start, end)] : undefined;
		if (bucket !== undefined) {
			for (const known of bucket) {
				if (sameBytes(b, start, end, known.bytes)) return known.name;
			}
		}
		const name = b.toString('utf8', start, end);
		if (!XML_NAME.test(name)) {
			throw this.error(name === '' ? 'a tag without a name' : `"${name}" is not a name`, b, at);
		}
		if (bucket !== undefined && bucket.length >= MAX_KEPT_PER_BUCKET) return name;
		const interned = Object.keys({ [name]: 0 })[0];
		const entry = { name: interned, bytes: Buffer.from(b.subarray(start, end)) };
		if (bucket === undefined) knownNames[bucketOf(b, start, end)] = [entry];
		else bucket.push(entry);
		return interned;
	}

	/** Whether the bytes from `start` to `end` spell `name` (an open element's). */
	private isName(b: Buffer, start: number, end: number, name: string): boolean {
		const bucket = start < end ? knownNames[bucketOf(b, start, end)] : undefined;
		if (bucket !== undefined) {
			for (const known of bucket) {
				if (known.name === name) return sameBytes(b, start, end, known.bytes);
			}
		}
		return b.toString('utf8', start, end) === name;
	}

	private attributeValue(b: Buffer, start: number, end: number): string {
		const raw = b.toString('utf8', start, end);
		if (raw.includes('<')) throw this.error('"<" in an attribute value', b, start);
		let value = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
		if (value.includes('\t') || value.includes('\n')) value = value.replace(/[\t\n]/g, ' ');
		return value.includes('&') ? this.references(value, b, start) : value;
	}

	/** Character and entity references decoded; an entity XML does not define stays as written. */
	private references(text: string, b: Buffer, at: number): string {
		let out = '';
		let from = 0;
		for (;;) {
			const amp = text.indexOf('&', from);
			if (amp === -1) return out + text.slice(from);
			out += text.slice(from, amp);
			const semicolon = text.indexOf(';', amp + 1);
			if (semicolon === -1 || semicolon - amp > MAX_REFERENCE_BYTES) {
				throw this.error('"&" that starts no reference', b, at);
			}
			const body = text.slice(amp + 1, semicolon);
			if (body.charCodeAt(0) === 0x23) out += this.characterReference(body, b, at);
			else {
				const known =
					xmlEntity(body) ??
					(this.extraEntities && Object.hasOwn(this.extraEntities, body)
						? this.extraEntities[body]
						: undefined);
				if (known !== undefined) out += known;
				else if (XML_NAME.test(body)) out += `&${body};`;
				else throw this.error('"&" that starts no reference', b, at);
			}
			from = semicolon + 1;
		}
	}

	private characterReference(body: string, b: Buffer, at: number): string {
		const hex = body.charCodeAt(1) === 0x78;
		const digits = body.slice(hex ? 2 : 1);
		const valid = hex ? /^[0-9a-fA-F]{1,6}$/.test(digits) : /^[0-9]{1,7}$/.test(digits);
		const code = valid ? parseInt(digits, hex ? 16 : 10) : NaN;
		if (!isCharacter(code)) throw this.error(`"&${body};" is not a character`, b, at);
		return String.fromCodePoint(code);
	}

	/** Control characters, U+FFFE and U+FFFF are not XML anywhere. */
	private checkCharacters(b: Buffer, from: number): void {
		for (let at = from; at < b.length; at++) {
			const byte = b[at];
			if (byte < 0x20) {
				if (byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
			} else if (
				byte !== 0xef ||
				b[at + 1] !== 0xbf ||
				(b[at + 2] !== 0xbe && b[at + 2] !== 0xbf)
			) {
				continue;
			}
			throw this.error('disallowed character', b, at);
		}
	}

	private lineAt(b: Buffer, at: number): number {
		return this.linesBefore + linesIn(b, at) + 1;
	}

	private error(reason: string, b: Buffer, at: number): XmlSyntaxError {
		return new XmlSyntaxError(reason, this.lineAt(b, at));
	}
}

function sameBytes(b: Buffer, start: number, end: number, bytes: Buffer): boolean {
	if (end - start !== bytes.length) return false;
	for (let index = 0; index < bytes.length; index++) {
		if (b[start + index] !== bytes[index]) return false;
	}
	return true;
}

function isBlank(b: Buffer, start: number, end: number): boolean {
	for (let at = start; at < end; at++) if (!isWhitespace(b[at])) return false;
	return true;
}

/** Bytes at the end of `start…end` that begin a UTF-8 character whose rest has not arrived. */
function incompleteCharacterBytes(b: Buffer, start: number, end: number): number {
	for (let back = 1; back <= 3 && end - back >= start; back++) {
		const byte = b[end - back];
		if ((byte & 0xc0) === 0x80) continue;
		if (byte < 0xc0) return 0;
		const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
		return length > back ? back : 0;
	}
	return 0;
}

function linesIn(b: Buffer, until: number): number {
	let count = 0;
	let at = b.indexOf(NEWLINE);
	while (at !== -1 && at < until) {
		count++;
		at = b.indexOf(NEWLINE, at + 1);
	}
	return count;
}
