import { redactSecrets, secretForms } from '../../shared/errors/redact';
import type { BodySink } from '../../shared/http/body-reader';
import type { XdtoJson } from '../xdto/codec';
import type { SoapReply } from './soap-reply-reader';
import { SoapReplyReader } from './soap-reply-reader';

/**
 * Decodes a reply envelope while it streams in (the transport's BodySink), or from a body read
 * whole. A problem with the reply stops the reading and is kept for `reply()`. A secret echoed
 * anywhere in the reply is looked for on the way, so only then is the decoded value redacted.
 */
export class SoapReplySink implements BodySink {
	private readonly reader: SoapReplyReader;
	/** Each form a secret may take, as the UTF-8 the reply would hold it in. */
	private readonly forms: Buffer[];
	private readonly longest: number;
	private problem?: unknown;
	/** The end of the previous piece, to find a secret split across two pieces. */
	private tail: Buffer = Buffer.alloc(0);
	private secretEchoed = false;

	constructor(
		operation: string,
		private readonly secrets: unknown[],
	) {
		this.forms = secretForms(secrets).map((form) => Buffer.from(form, 'utf8'));
		this.longest = Math.max(0, ...this.forms.map((form) => form.length));
		this.reader = new SoapReplyReader(operation, (utf8) => this.watch(utf8));
	}

	/** A reply read whole (an error status), decoded the same way. */
	static whole(operation: string, secrets: unknown[], body: Buffer): SoapReplySink {
		const sink = new SoapReplySink(operation, secrets);
		if (sink.write(body)) sink.end();
		return sink;
	}

	write(chunk: Buffer): boolean {
		if (this.problem !== undefined) return false;
		try {
			this.reader.writeBytes(chunk);
			return true;
		} catch (error) {
			this.problem = error;
			return false;
		}
	}

	end(): void {
		if (this.problem !== undefined) return;
		try {
			this.reader.end();
		} catch (error) {
			this.problem = error;
		}
	}

	unfinished(): boolean {
		return this.reader.unfinished;
	}

	/** The start of the reply, redacted, for quoting. */
	get text(): string {
		return redactSecrets(this.reader.head, this.secrets);
	}

	/** The decoded reply; throws the reply's problem (an XdtoError, its text redacted). */
	reply(): SoapReply {
		if (this.problem !== undefined) throw this.redactedProblem(this.problem);
		let reply: SoapReply;
		try {
			reply = this.reader.reply();
		} catch (error) {
			throw this.redactedProblem(error);
		}
		return this.secretEchoed ? redactedReply(reply, this.secrets) : reply;
	}

	private watch(utf8: Uint8Array): void {
		if (this.secretEchoed || this.forms.length === 0) return;
		const piece = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
		const seam = Buffer.concat([this.tail, piece.subarray(0, this.longest)]);
		this.secretEchoed = this.forms.some((form) => piece.includes(form) || seam.includes(form));
		const kept = Math.min(piece.length, this.longest);
		this.tail = Buffer.concat([this.tail, piece.subarray(piece.length - kept)]).subarray(
			-this.longest,
		);
	}

	private redactedProblem(error: unknown): unknown {
		if (error instanceof Error) error.message = redactSecrets(error.message, this.secrets);
		return error;
	}
}

function redactedReply(reply: SoapReply, secrets: unknown[]): SoapReply {
	const redact = (value: XdtoJson): XdtoJson => {
		if (typeof value === 'string') return redactSecrets(value, secrets);
		if (Array.isArray(value)) return value.map(redact);
		if (value !== null && typeof value === 'object') {
			const result: Record<string, XdtoJson> = {};
			for (const [key, entry] of Object.entries(value)) {
				result[redactSecrets(key, secrets)] = redact(entry);
			}
			return result;
		}
		return value;
	};
	switch (reply.kind) {
		case 'fault':
			return {
				...reply,
				code: redact(reply.code) as string,
				message: redact(reply.message) as string,
			};
		case 'result':
			return {
				...reply,
				resultCode: redact(reply.resultCode) as string,
				resultData: redact(reply.resultData),
			};
		default:
			return { kind: 'plain', value: redact(reply.value) as Record<string, XdtoJson> };
	}
}
