import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { XmlSyntaxError, XmlTokenizer } from '../../nodes/shared/xml/xml-tokenizer';

const PIECE = 64 * 1024;

function collector() {
	const texts: string[] = [];
	return {
		texts,
		events: {
			open: () => undefined,
			text: (text: string) => void texts.push(text),
			close: () => undefined,
		},
	};
}

function feed(tokenizer: XmlTokenizer, bytes: Buffer): number {
	let pieces = 0;
	for (let at = 0; at < bytes.length; at += PIECE) {
		tokenizer.write(bytes.subarray(at, at + PIECE));
		pieces++;
	}
	return pieces;
}

describe('XML tokenizer bounds', () => {
	test('a long text value and a long CDATA section stream out as they arrive, not held to their end', () => {
		for (const [open, close] of [
			['<r>', '</r>'],
			['<r><![CDATA[', ']]></r>'],
		]) {
			const { texts, events } = collector();
			const tokenizer = new XmlTokenizer(events);
			const value = 'Ж'.repeat(4 * 1024 * 1024);
			const pieces = feed(tokenizer, Buffer.from(`${open}${value}${close}`));
			tokenizer.close();
			assert.equal(texts.join(''), value);
			assert.ok(texts.length >= pieces - 2, `${texts.length} pieces of text for ${pieces} written`);
		}
	});

	test('a start tag longer than 1 MiB is refused as soon as it passes the bound', () => {
		const tokenizer = new XmlTokenizer(collector().events);
		const tag = Buffer.from(`<r a="${'x'.repeat(8 * 1024 * 1024)}">`);
		let written = 0;
		assert.throws(
			() => {
				for (; written < tag.length; written += PIECE)
					tokenizer.write(tag.subarray(written, written + PIECE));
			},
			(error) => error instanceof XmlSyntaxError && /longer than 1 MiB/.test(error.message),
		);
		assert.ok(written < 2 * 1024 * 1024, `refused after ${written} bytes`);
	});

	test('control characters are refused with the line they are on', () => {
		const tokenizer = new XmlTokenizer(collector().events);
		assert.throws(
			() => tokenizer.write(Buffer.from('<r>\n<a>ok</a>\n<b>\u0001</b></r>')),
			(error) =>
				error instanceof XmlSyntaxError && error.message === 'disallowed character, line 3',
		);
	});

	test('U+FFFE is refused when its bytes come in two pieces as well', () => {
		const tokenizer = new XmlTokenizer(collector().events);
		assert.throws(
			() => {
				tokenizer.write(Buffer.from('<r>a\xef', 'latin1'));
				tokenizer.write(Buffer.from('\xbf\xbe</r>', 'latin1'));
				tokenizer.close();
			},
			(error) => error instanceof XmlSyntaxError && /disallowed character/.test(error.message),
		);
	});
});
