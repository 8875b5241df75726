import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { decodeReplyText, readReplyText } from '../../nodes/shared/http/reply-body';
import { readUntrustedXml } from '../../nodes/shared/xml/untrusted-xml';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<lolz>&lol2;</lolz>`;

describe('untrusted XML', () => {
	test('reads elements, attributes and the standard entities, keeping values as strings', () => {
		const reply = readUntrustedXml(
			'<a x="1"><b>007</b><c>&lt;ok&amp;&gt;</c><d k="v">t</d></a>',
			'Oktell',
		);
		assert.deepEqual(reply, {
			ok: true,
			value: { a: { '@_x': '1', b: '007', c: '<ok&>', d: { '@_k': 'v', '#text': 't' } } },
		});
	});

	test('refuses a DOCTYPE, so entity expansion never happens', () => {
		const reply = readUntrustedXml(BILLION_LAUGHS, 'Oktell');
		assert.equal(reply.ok, false);
		assert.match(
			(reply as { problem: string }).problem,
			/^Oktell sent XML with a DOCTYPE or entity declaration/,
		);
	});

	test('broken XML gives a problem quoting the start of the body', () => {
		const reply = readUntrustedXml('<result><open></result>', '1C-Connect');
		assert.equal(reply.ok, false);
		assert.match(
			(reply as { problem: string }).problem,
			/^1C-Connect sent a reply that is not valid XML \(.+\): "<result><open><\/result>"$/,
		);
	});

	test('namespace prefixes can be dropped and chosen elements always become arrays', () => {
		const reply = readUntrustedXml(
			'<soap:Envelope xmlns:soap="urn:x"><soap:Body><row>1</row></soap:Body></soap:Envelope>',
			'1C-Connect',
			{ removeNamespacePrefixes: true, alwaysArray: ['row'] },
		);
		assert.ok(reply.ok);
		assert.deepEqual((reply.value.Envelope as { Body: unknown }).Body, { row: ['1'] });
	});

	test('elements named constructor or __proto__ are plain keys, never the prototype', () => {
		const reply = readUntrustedXml(
			'<r><constructor>1</constructor><__proto__><polluted>yes</polluted></__proto__></r>',
			'Oktell',
		);
		assert.ok(reply.ok);
		const r = reply.value.r as Record<string, unknown>;
		assert.equal(Object.getPrototypeOf(r), Object.prototype);
		assert.equal((r as { polluted?: string }).polluted, undefined);
		assert.equal(JSON.stringify(r), '{"constructor":"1","__proto__":{"polluted":"yes"}}');
	});

	test('nesting deeper than the bound is refused rather than followed', () => {
		const deep = '<a>'.repeat(200) + '</a>'.repeat(200);
		assert.equal(readUntrustedXml(deep, 'Oktell').ok, false);
	});

	test('UTF-16 with a byte-order mark decodes whatever the declaration says; no mark means UTF-8', () => {
		const xml = '<?xml version="1.0" encoding="utf-16"?><r>Привет</r>';
		const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
		const utf16be = Buffer.from(utf16le).swap16();
		assert.equal(decodeReplyText(utf16le), xml);
		assert.equal(decodeReplyText(utf16be), xml);
		assert.equal(decodeReplyText(Buffer.from(xml, 'utf8')), xml);
	});
});

describe('untrusted XML: numeric character references', () => {
	test('are XML and always decoded, in text and attributes, without decoding twice', () => {
		const xml = '<a k="x&#10;y">&#x41;&#xD;&#xA;&#65;|&amp;#13;</a>';
		assert.deepEqual(readUntrustedXml(xml, 'Oktell'), {
			ok: true,
			value: { a: { '@_k': 'x\ny', '#text': 'A\r\nA|&#13;' } },
		});
	});

	test("HTML's named entities are decoded only with characterReferences (1C-Connect's SOAP)", () => {
		const xml = '<a>x&#13;y&#x41;&amp;#13;&nbsp;</a>';
		assert.deepEqual(readUntrustedXml(xml, 'V'), { ok: true, value: { a: 'x\ryA&#13;&nbsp;' } });
		assert.deepEqual(readUntrustedXml(xml, 'V', { characterReferences: true }), {
			ok: true,
			value: { a: 'x\ryA&#13;\u00a0' },
		});
	});

	test('inside CDATA they stay as written', () => {
		const reply = readUntrustedXml('<a><![CDATA[&#x41;]]></a>', 'Oktell');
		assert.deepEqual(reply, { ok: true, value: { a: '&#x41;' } });
	});
});

describe('untrusted XML: declarations', () => {
	test('<!DOCTYPE html> as text in CDATA (a script returning HTML) or in a comment is read', () => {
		const html = '<!DOCTYPE html><html><body>Готово</body></html>';
		const reply = readUntrustedXml(
			`<r><!-- <!DOCTYPE note> --><v><![CDATA[${html}]]></v></r>`,
			'Oktell',
		);
		assert.deepEqual(reply, { ok: true, value: { r: { v: html } } });
	});

	test('a real declaration is still refused, before, between or after CDATA sections', () => {
		for (const xml of [
			'<!DOCTYPE r [<!ENTITY e "x">]><r><![CDATA[a]]></r>',
			'<r><![CDATA[a]]><!DOCTYPE r><![CDATA[b]]></r>',
			'<r><!-- <![CDATA[ --><!DOCTYPE r><!-- ]]> --></r>',
			'<r><![CDATA[ <!-- ]]><!ENTITY e "x"><!-- --></r>',
		]) {
			const reply = readUntrustedXml(xml, 'Oktell');
			assert.equal(reply.ok, false, xml);
			assert.match((reply as { problem: string }).problem, /DOCTYPE or entity declaration/);
		}
	});

	test('a declaration inside a CDATA section that never closes is refused as broken XML', () => {
		const reply = readUntrustedXml('<r><![CDATA[never closed <!DOCTYPE r></r>', 'Oktell');
		assert.equal(reply.ok, false);
		assert.match(
			(reply as { problem: string }).problem,
			/^Oktell sent a reply that is not valid XML/,
		);
	});
});

describe('reply text by byte-order mark', () => {
	const le = (text: string) =>
		Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

	test('valid UTF-16 LE and BE, and UTF-8 with or without a mark, are read as text', () => {
		assert.deepEqual(readReplyText(le('<r>Привет</r>'), 'Oktell'), {
			ok: true,
			value: '<r>Привет</r>',
		});
		assert.deepEqual(readReplyText(Buffer.from(le('Да')).swap16(), 'Oktell'), {
			ok: true,
			value: 'Да',
		});
		const utf8 = Buffer.from('\uFEFFДа', 'utf8');
		assert.deepEqual(readReplyText(utf8, 'Oktell'), { ok: true, value: 'Да' });
	});

	test('UTF-16 with an odd number of bytes is a clear problem, not text with its last byte dropped', () => {
		const cut = le('<r>ok</r>').subarray(0, -1);
		const reply = readReplyText(cut, 'Oktell');
		assert.equal(reply.ok, false);
		assert.match(
			(reply as { problem: string }).problem,
			/^Oktell sent a reply marked as UTF-16LE that is not valid UTF-16LE \(an odd number of bytes\): "<r>ok<\/r/,
		);
	});

	test('a lone surrogate in UTF-16 LE or BE is a clear problem', () => {
		const lone = Buffer.concat([
			le('<r>'),
			Buffer.from([0x00, 0xd8]),
			Buffer.from('</r>', 'utf16le'),
		]);
		for (const body of [lone, Buffer.from(lone).swap16()]) {
			const reply = readReplyText(body, 'Oktell');
			assert.equal(reply.ok, false);
			assert.match((reply as { problem: string }).problem, /a broken surrogate pair/);
		}
	});

	test('decodeReplyText, used to quote error bodies, shows broken bytes as U+FFFD', () => {
		const cut = le('ab').subarray(0, -1);
		assert.equal(decodeReplyText(cut), 'a\uFFFD');
		const lone = Buffer.concat([le('a'), Buffer.from([0x00, 0xd8])]);
		assert.equal(decodeReplyText(lone), 'a\uFFFD');
		assert.equal(decodeReplyText(Buffer.from([0x61, 0xff])), 'a\uFFFD');
	});
});
