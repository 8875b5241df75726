import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';

import type { BodySink } from '../../nodes/shared/http/body-reader';
import { readBody } from '../../nodes/shared/http/body-reader';
import { Deadline, RequestCutShort } from '../../nodes/shared/http/deadline';
import { UntrustedXmlReader } from '../../nodes/shared/xml/xml-reader';

/** A sink that keeps what it was given, and can ask to stop after `stopAfter` pieces. */
function recordingSink(stopAfter = Infinity) {
	const pieces: Buffer[] = [];
	let ended = false;
	const sink: BodySink = {
		write: (chunk) => {
			pieces.push(chunk);
			return pieces.length < stopAfter;
		},
		end: () => {
			ended = true;
		},
	};
	return {
		sink,
		pieces,
		get ended() {
			return ended;
		},
	};
}

/** Writes `count` pieces of `size` bytes, one per tick, unless the reader has gone. */
function slowBody(count: number, size: number): PassThrough & { written: () => number } {
	const body = new PassThrough();
	let written = 0;
	const next = () => {
		if (body.destroyed) return;
		if (written === count) return void body.end();
		written++;
		body.write(Buffer.alloc(size, 0x61));
		setImmediate(next);
	};
	setImmediate(next);
	return Object.assign(body, { written: () => written });
}

describe('reading a reply body into a sink as it streams', () => {
	test('each piece goes to the sink as it arrives, none is kept, and the sink hears the end', async () => {
		const deadline = new Deadline(30_000);
		const recorded = recordingSink();
		const body = await readBody(slowBody(5, 1000), 10_000, deadline, recorded.sink);
		deadline.clear();
		assert.equal(body.length, 0);
		assert.equal(recorded.pieces.length, 5);
		assert.equal(recorded.ended, true);
	});

	test('the byte cap still cuts the reply mid-stream: the sink got only what came before it', async () => {
		const deadline = new Deadline(30_000);
		const recorded = recordingSink();
		const source = slowBody(1000, 1000);
		await assert.rejects(
			readBody(source, 4500, deadline, recorded.sink),
			(error) => error instanceof RequestCutShort && error.reason === 'too-large',
		);
		deadline.clear();
		assert.equal(recorded.pieces.length, 4);
		assert.equal(recorded.ended, false);
		assert.equal(source.destroyed, true, 'the connection is dropped');
		assert.ok(source.written() < 10);
	});

	test('a sink that has seen enough (a broken reply) stops the reading and the connection', async () => {
		const deadline = new Deadline(30_000);
		const recorded = recordingSink(2);
		const source = slowBody(1000, 1000);
		const body = await readBody(source, 10_000_000, deadline, recorded.sink);
		deadline.clear();
		assert.equal(body.length, 0);
		assert.equal(recorded.pieces.length, 2);
		assert.equal(recorded.ended, false);
		assert.equal(source.destroyed, true);
		assert.ok(source.written() < 10);
	});

	test('a sink that throws fails the read instead of the process', async () => {
		const deadline = new Deadline(30_000);
		const sink: BodySink = {
			write: () => {
				throw new Error('sink bug');
			},
			end: () => {},
		};
		await assert.rejects(readBody(slowBody(3, 10), 1000, deadline, sink), /sink bug/);
		deadline.clear();
	});

	test('a body given whole (not a stream) goes to the sink too, within the cap', async () => {
		const deadline = new Deadline(30_000);
		const recorded = recordingSink();
		await readBody(Buffer.from('<a/>'), 100, deadline, recorded.sink);
		assert.deepEqual(Buffer.concat(recorded.pieces).toString(), '<a/>');
		assert.equal(recorded.ended, true);
		await assert.rejects(
			readBody(Buffer.alloc(101), 100, deadline, recordingSink().sink),
			RequestCutShort,
		);
		deadline.clear();
	});
});

describe('the XML reader, fed in pieces', () => {
	const events = (xml: Buffer, at: number[]) => {
		const seen: string[] = [];
		const open: string[] = [];
		const reader = new UntrustedXmlReader('Oktell', {
			open: (name, attributes) => {
				open.push(name);
				seen.push(`<${name} ${JSON.stringify(attributes)}>`);
			},
			text: (text) => seen.push(text),
			close: () => seen.push(`</${open.pop()}>`),
		});
		let from = 0;
		for (const cut of [...at, xml.length]) {
			reader.writeBytes(xml.subarray(from, cut));
			from = cut;
		}
		reader.end();
		// Text may come in several pieces; what matters is what it adds up to.
		return seen.join('');
	};

	test('an entity, a character reference or a Cyrillic letter cut in two reads as one', () => {
		const xml = Buffer.from('<r k="&amp;&#x44F;">Я&lt;&#1103;</r>', 'utf8');
		const whole = events(xml, []);
		assert.equal(whole, '<r {"k":"&я"}>Я<я</r>');
		for (let at = 1; at < xml.length; at++) assert.equal(events(xml, [at]), whole, `at ${at}`);
	});

	test('a depth bomb is refused at depth 65 before the rest of the reply is read', () => {
		const reader = new UntrustedXmlReader('Oktell', { open() {}, text() {}, close() {} });
		reader.writeText('<a>'.repeat(64));
		assert.throws(() => reader.writeText('<a>'), /nested deeper than 64 levels/);
		assert.throws(
			() => reader.writeText('</a>'),
			/nested deeper than 64 levels/,
			'and stays refused',
		);
	});
});
