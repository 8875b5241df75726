import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { decodeReplyText } from '../../nodes/shared/http/reply-body';
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
	test('are kept as written by default, and decoded with characterReferences', () => {
		const xml = '<a>x&#13;y&#x41;&amp;#13;</a>';
		assert.deepEqual(readUntrustedXml(xml, 'V'), { ok: true, value: { a: 'x&#13;y&#x41;&#13;' } });
		assert.deepEqual(readUntrustedXml(xml, 'V', { characterReferences: true }), {
			ok: true,
			value: { a: 'x\ryA&#13;' },
		});
	});
});
