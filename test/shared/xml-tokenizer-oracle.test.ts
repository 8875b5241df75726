/**
 * The pack's XML tokenizer against saxes, a maintained strict XML parser we did not write: on
 * random documents fed in random pieces both must read the same elements, attributes and text,
 * and on random corruptions of them the tokenizer must never accept what saxes refuses.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { SaxesParser } from 'saxes';

import { XmlSyntaxError, XmlTokenizer } from '../../nodes/shared/xml/xml-tokenizer';

type Event = string;

/** A small seeded generator, so a failure names a document that can be made again. */
function random(seed: number) {
	let state = seed >>> 0 || 1;
	const next = () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 0x1_0000_0000;
	};
	return {
		below: (n: number) => Math.floor(next() * n),
		pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
		chance: (p: number) => next() < p,
	};
}
type Random = ReturnType<typeof random>;

const NAMES = ['a', 'Value', 'row', 'm:return', 'xsi:type', 'Имя', 'x-1', '_y.z', 'Ünïcode'];
const TEXT_PIECES = [
	'plain',
	' ',
	'\n',
	'\r\n',
	'\t',
	'Привет',
	'😀',
	'&amp;',
	'&lt;',
	'&gt;',
	'&quot;',
	'&apos;',
	'&#10;',
	'&#x41;',
	'&#1055;',
	'>',
	'"',
	"'",
	']',
	']]',
	'-',
	'=',
];

function text(r: Random): string {
	let out = '';
	for (let count = r.below(4); count > 0; count--) out += r.pick(TEXT_PIECES);
	return out;
}

function attributeValue(r: Random, quote: string): string {
	return text(r).replaceAll(quote, quote === '"' ? '&quot;' : '&apos;');
}

function element(r: Random, depth: number): string {
	const name = r.pick(NAMES);
	const used = new Set<string>();
	let tag = `<${name}`;
	for (let count = r.below(3); count > 0; count--) {
		const attribute = r.pick(NAMES);
		if (used.has(attribute)) continue;
		used.add(attribute);
		const quote = r.pick(['"', "'"]);
		tag += `${r.pick([' ', '\n', '  '])}${attribute}${r.pick(['=', ' = '])}${quote}${attributeValue(r, quote)}${quote}`;
	}
	if (depth > 4 || r.chance(0.2)) return `${tag}${r.pick(['', ' '])}/>`;
	let content = '';
	for (let count = r.below(4); count > 0; count--) {
		const kind = r.below(10);
		if (kind < 4) content += element(r, depth + 1);
		else if (kind < 7) content += text(r).replace(']]', '] ]');
		else if (kind === 7) content += `<![CDATA[${text(r).replaceAll(']]>', '')}<a>&amp;]]>`;
		else if (kind === 8) content += `<!--${text(r).replaceAll('-', '')} -->`;
		else content += `<?pi ${text(r).replaceAll('?', '')}?>`;
	}
	return `${tag}>${content}</${name}${r.pick(['', ' '])}>`;
}

function documentOf(r: Random): string {
	const declaration = r.chance(0.5) ? '<?xml version="1.0" encoding="UTF-8"?>' : '';
	return `${declaration}${r.pick(['', '\n'])}${element(r, 0)}${r.pick(['', '\n', '<!-- end -->'])}`;
}

/** Adjacent pieces of text are one event: where a reader splits text is its own business. */
function recorder() {
	const events: Event[] = [];
	let depth = 0;
	return {
		events,
		open(name: string, attributes: Record<string, string>) {
			depth++;
			events.push(`open ${name} ${JSON.stringify(Object.entries(attributes).sort())}`);
		},
		text(value: string) {
			if (depth === 0) return;
			const last = events.length - 1;
			if (last >= 0 && events[last].startsWith('text ')) events[last] += value;
			else events.push(`text ${value}`);
		},
		close() {
			depth--;
			events.push('close');
		},
	};
}

/** Ours, fed the document's bytes in random pieces (cutting characters in two as well). */
function ours(xml: string, r: Random): Event[] | 'refused' {
	const events = recorder();
	const tokenizer = new XmlTokenizer(events);
	const bytes = Buffer.from(xml, 'utf8');
	try {
		let at = 0;
		while (at < bytes.length) {
			const length = 1 + r.below(r.chance(0.3) ? 4 : 40);
			tokenizer.write(bytes.subarray(at, at + length));
			at += length;
		}
		tokenizer.close();
	} catch (error) {
		if (error instanceof XmlSyntaxError) return 'refused';
		throw error;
	}
	return events.events;
}

/**
 * saxes, as the reader used it: no namespaces, DOCTYPE refused, undefined entities kept. It reads
 * the text the same bytes hold (a lone surrogate in `xml` is U+FFFD in its UTF-8).
 */
function oracle(xml: string): Event[] | 'refused' {
	const text = Buffer.from(xml, 'utf8').toString('utf8');
	const events = recorder();
	const parser = new SaxesParser({ xmlns: false });
	let refused = false;
	parser.on('doctype', () => (refused = true));
	parser.on('error', (error) => {
		if (!/undefined entity/.test(error.message)) refused = true;
	});
	parser.on('opentag', (tag) => events.open(tag.name, tag.attributes as Record<string, string>));
	parser.on('text', (value) => events.text(value));
	parser.on('cdata', (value) => events.text(value));
	parser.on('closetag', () => events.close());
	parser.write(text).close();
	return refused ? 'refused' : events.events;
}

function corrupted(xml: string, r: Random): string {
	const start = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
	const at = start + r.below(xml.length - start);
	const insert = r.pick([
		'<',
		'>',
		'&',
		'"',
		"'",
		'/',
		'=',
		'!',
		'?',
		'-',
		']',
		' ',
		'\u0001',
		'a',
	]);
	switch (r.below(3)) {
		case 0:
			return xml.slice(0, at) + xml.slice(at + 1);
		case 1:
			return xml.slice(0, at) + insert + xml.slice(at);
		default:
			return xml.slice(0, at) + insert + xml.slice(at + 1);
	}
}

describe('XML tokenizer against saxes', () => {
	test('reads 5,000 random documents, fed in random pieces, exactly as saxes does', () => {
		for (let seed = 1; seed <= 5000; seed++) {
			const r = random(seed);
			const xml = documentOf(r);
			const expected = oracle(xml);
			assert.notEqual(expected, 'refused', `saxes refused the generated document ${seed}: ${xml}`);
			assert.deepEqual(ours(xml, r), expected, `document ${seed}: ${JSON.stringify(xml)}`);
		}
	});

	test('never accepts a corruption saxes refuses, and reads the ones it accepts alike', () => {
		let refusedByBoth = 0;
		let acceptedByBoth = 0;
		for (let seed = 1; seed <= 10_000; seed++) {
			const r = random(seed * 7919);
			const xml = corrupted(documentOf(r), r);
			const expected = oracle(xml);
			const actual = ours(xml, r);
			if (actual === 'refused') {
				if (expected === 'refused') refusedByBoth++;
				continue;
			}
			assert.deepEqual(actual, expected, `corruption ${seed}: ${JSON.stringify(xml)}`);
			acceptedByBoth++;
		}
		// Both kinds occur, so neither half of the comparison is empty.
		assert.ok(refusedByBoth > 3000, `refused by both: ${refusedByBoth}`);
		assert.ok(acceptedByBoth > 1000, `accepted by both: ${acceptedByBoth}`);
	});
});
