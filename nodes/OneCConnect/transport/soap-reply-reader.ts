/**
 * Reads a PartnerWebAPI2 reply envelope as it arrives: the SOAP Fault, or the `return` of
 * `<operation>Response` decoded straight into XDTO values, with no tree of the XML in between.
 * No n8n imports.
 */
import { quoteStart } from '../../shared/http/reply-body';
import type { XmlEvents } from '../../shared/xml/xml-reader';
import { setOwnKey } from '../../shared/xml/own-key';
import { UntrustedXmlReader, problemOf } from '../../shared/xml/xml-reader';
import type { XdtoJson } from '../xdto/codec';
import { XdtoError } from '../xdto/codec';
import { XdtoValueReader } from '../xdto/value-reader';

export type SoapReply =
	| { kind: 'fault'; code: string; message: string }
	| { kind: 'result'; resultCode: string; resultData: XdtoJson }
	/** A `return` without ResultCode: its child elements as strings. */
	| { kind: 'plain'; value: Record<string, XdtoJson> };

const VENDOR = '1C-Connect';

/**
 * The reader that finished last, its data let go. V8 forgets the shape of a class's objects once
 * none is alive, and with it the optimized code built for them: without one reader kept, each
 * reply after a full garbage collection had the decoder compiled again (at 5,000 rows about 70 ms
 * of CPU beside a 50 ms decode; `npm run bench -- decoder`).
 */
const kept: { lastReader?: SoapReplyReader } = {};

/** Where a fault keeps its code and text, in SOAP 1.1 and 1.2. */
const FAULT_FIELDS: Record<string, 'code' | 'message'> = {
	'Fault/faultcode': 'code',
	'Fault/faultstring': 'message',
	'Fault/Code/Value': 'code',
	'Fault/Reason/Text': 'message',
};

/** The reply from the element `localName` on, for quoting: the envelope's preamble says nothing. */
function fromElement(body: string, localName: string): string {
	const at = body.search(new RegExp(`<(\\w+:)?${localName}[\\s/>]`));
	return at < 0 ? body : body.slice(at);
}

/** The reply from its ResultData on (or the whole reply when it has none), for quoting. */
export function fromResultData(body: string): string {
	const at = body.indexOf('name="ResultData"');
	return at < 0 ? body : body.slice(Math.max(0, body.lastIndexOf('<', at)));
}

/**
 * A reply envelope read piece by piece (`write…`, then `end`, then `reply()`); `onBytes` sees each
 * piece of the reply as UTF-8 on the way (to look for echoed secrets). Throws XdtoError.
 */
export class SoapReplyReader implements XmlEvents {
	private readonly xml: UntrustedXmlReader;
	/** Local names of the open elements above `return`'s content. */
	private readonly path: string[] = [];
	private readonly fault = { seen: false, code: '', message: '' };
	private bodySeen = false;
	private responseSeen = false;
	private codeDone = false;
	private messageDone = false;
	private returnState: 'none' | 'open' | 'empty' | 'plain' | 'xdto' | 'closed' = 'none';
	private returnText = '';
	private returnAttributes: Record<string, string> = {};
	private plain: Record<string, XdtoJson> = {};
	private plainDepth = 0;
	private plainName = '';
	private plainText = '';
	private value?: XdtoValueReader;

	constructor(
		private readonly operation: string,
		onBytes?: (utf8: Uint8Array) => void,
	) {
		this.xml = new UntrustedXmlReader(VENDOR, this, {
			removeNamespacePrefixes: true,
			characterReferences: true,
			onBytes,
		});
	}

	/** The start of the reply as text, for quoting in errors. */
	get head(): string {
		return this.xml.head;
	}

	/** The reply ended in the middle of its envelope. */
	get unfinished(): boolean {
		return this.xml.unfinished;
	}

	writeBytes(chunk: Uint8Array): void {
		this.guard(() => this.xml.writeBytes(chunk));
	}

	writeText(text: string): void {
		this.guard(() => this.xml.writeText(text));
	}

	end(): void {
		this.guard(() => this.xml.end());
	}

	/** The reply, once `end` has read all of it. */
	reply(): SoapReply {
		try {
			return this.readReply();
		} finally {
			this.letGo();
			kept.lastReader = this;
		}
	}

	/** Drops what the reply held, keeping the objects themselves (see `kept`). */
	private letGo(): void {
		this.value?.letGo();
		this.xml.letGo();
		this.plain = {};
	}

	private readReply(): SoapReply {
		const head = this.xml.head;
		if (this.fault.seen) {
			return { kind: 'fault', code: this.fault.code, message: this.fault.message || '(no text)' };
		}
		if (!this.responseSeen) {
			throw new XdtoError(
				!this.bodySeen
					? `1C-Connect answered XML that is not a SOAP envelope: ${quoteStart(head)}`
					: `1C-Connect answered without a ${this.operation}Response: ${quoteStart(fromElement(head, 'Body'))}`,
			);
		}
		if (this.returnState === 'none' || this.returnState === 'empty') {
			if (this.returnText.trim() === '') return { kind: 'plain', value: {} };
			throw new XdtoError(
				`1C-Connect answered ${this.operation} with a return that holds neither ResultCode nor fields: ${quoteStart(fromElement(head, 'return'))}`,
			);
		}
		if (this.value === undefined) return { kind: 'plain', value: this.plain };
		const structure = this.value.value;
		const resultCode =
			structure !== null && typeof structure === 'object' && !Array.isArray(structure)
				? structure.ResultCode
				: undefined;
		if (typeof resultCode !== 'string' || resultCode === '') {
			throw new XdtoError(
				`1C-Connect answered ${this.operation} without a ResultCode: ${quoteStart(fromElement(head, 'return'))}`,
			);
		}
		const resultData = (structure as Record<string, XdtoJson>).ResultData;
		return { kind: 'result', resultCode, resultData: resultData ?? null };
	}

	private guard(read: () => void): void {
		const problem = problemOf(read);
		if (problem) throw new XdtoError(problem.message);
	}

	/** The envelope's events, up to `return`'s content (which the value reader hears). */
	open(name: string, attributes: Record<string, string>): void {
		if (this.returnState === 'plain' || this.returnState === 'open') {
			return this.openInReturn(name, attributes);
		}
		const depth = this.path.push(name);
		if (depth === 2 && name === 'Body' && this.path[0] === 'Envelope') this.bodySeen = true;
		if (depth === 3 && this.bodySeen) {
			if (name === 'Fault') this.fault.seen = true;
			else if (name === `${this.operation}Response`) this.responseSeen = true;
		}
		if (depth === 4 && this.inResponse() && name === 'return' && this.returnState === 'none') {
			this.returnState = 'open';
			this.returnAttributes = attributes;
		}
	}

	private openInReturn(name: string, attributes: Record<string, string>): void {
		if (this.returnState === 'open') {
			if (name === 'Property') {
				// The value reader hears everything up to return's closing tag.
				this.returnState = 'xdto';
				this.value = new XdtoValueReader(this);
				this.value.open('return', this.returnAttributes);
				this.value.open(name, attributes);
				this.xml.events = this.value;
				return;
			}
			this.returnState = 'plain';
		}
		if (this.plainDepth++ === 0) {
			this.plainName = name;
			this.plainText = '';
		}
	}

	text(text: string): void {
		switch (this.returnState) {
			case 'open':
				this.returnText += text;
				return;
			case 'plain':
				if (this.plainDepth === 1) this.plainText += text;
				return;
		}
		if (this.fault.seen && this.path.length >= 4) {
			const field = FAULT_FIELDS[this.path.slice(2).join('/')];
			if (field && (field === 'code' ? !this.codeDone : !this.messageDone)) {
				this.fault[field] += text;
			}
		}
	}

	close(): void {
		switch (this.returnState) {
			case 'plain':
				if (this.plainDepth > 0) {
					if (--this.plainDepth === 0 && !Object.hasOwn(this.plain, this.plainName)) {
						setOwnKey(this.plain, this.plainName, this.plainText);
					}
					return;
				}
				this.returnState = 'closed';
				break;
			case 'open':
				this.returnState = 'empty';
				break;
			default:
				if (this.fault.seen) this.closeFaultField();
		}
		this.path.pop();
	}

	/** The value reader has read `return` to its closing tag: the envelope's events follow. */
	valueRead(): void {
		this.returnState = 'closed';
		this.path.pop();
		this.xml.events = this;
	}

	/** The first faultcode and faultstring are the fault's; later ones add nothing. */
	private closeFaultField(): void {
		const field = FAULT_FIELDS[this.path.slice(2).join('/')];
		if (field === 'code' && this.fault.code) this.codeDone = true;
		if (field === 'message' && this.fault.message) this.messageDone = true;
	}

	private inResponse(): boolean {
		return this.bodySeen && this.path[2] === `${this.operation}Response`;
	}
}

/** Reads a whole reply envelope; throws XdtoError when it is not one. */
export function readSoapReply(body: string, operation: string): SoapReply {
	const reader = new SoapReplyReader(operation);
	reader.writeText(body);
	reader.end();
	return reader.reply();
}
