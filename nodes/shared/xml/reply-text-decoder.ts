import { TextDecoder } from 'node:util';

import { encodingOf } from '../http/reply-body';

/**
 * A reply's bytes to text as they arrive, by its byte-order mark (UTF-8, UTF-16 LE or BE), else
 * UTF-8 — as `readReplyText` does for a whole body: a character split across two chunks is
 * joined, broken UTF-8 becomes U+FFFD, and UTF-16 that is not valid UTF-16 is refused.
 * `decode` and `end` throw an Error whose message says what is wrong ("marked as UTF-16LE …").
 */
export class ReplyTextDecoder {
	private decoder?: TextDecoder;
	private encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
	/** The first bytes, until there are enough to look for a byte-order mark. */
	private start: Uint8Array = new Uint8Array(0);

	decode(chunk: Uint8Array): string {
		if (this.decoder) return this.run(() => this.decoder!.decode(chunk, { stream: true }), chunk);
		const start = new Uint8Array(this.start.length + chunk.length);
		start.set(this.start);
		start.set(chunk, this.start.length);
		if (start.length < 3) {
			this.start = start;
			return '';
		}
		return this.begin(start, true);
	}

	end(): string {
		if (!this.decoder) return this.start.length ? this.begin(this.start, false) : '';
		return this.run(() => this.decoder!.decode());
	}

	private begin(bytes: Uint8Array, stream: boolean): string {
		const { encoding, start: skip } = encodingOf(bytes);
		this.encoding = encoding;
		this.decoder = new TextDecoder(this.encoding, {
			fatal: this.encoding !== 'utf-8',
			ignoreBOM: true,
		});
		this.start = new Uint8Array(0);
		const rest = bytes.subarray(skip);
		return stream ? this.decode(rest) : this.run(() => this.decoder!.decode(rest));
	}

	private run(decode: () => string, chunk?: Uint8Array): string {
		let text: string | undefined;
		try {
			text = decode();
		} catch {
			text = undefined;
		}
		if (text !== undefined) return text;
		const name = this.encoding.toUpperCase();
		const why = chunk ? 'a broken surrogate pair' : 'an odd number of bytes or a broken pair';
		throw new Error(`marked as ${name} that is not valid ${name} (${why})`);
	}
}
