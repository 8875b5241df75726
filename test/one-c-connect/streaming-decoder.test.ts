import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { SoapReplyReader } from '../../nodes/OneCConnect/transport/soap-reply-reader';

/** Replies written by hand in the vendor's format, so no node code builds what is tested. */
const ENVELOPE_START =
	'<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>';
const ENVELOPE_END = '</soap:Body></soap:Envelope>';
const CORE = 'xmlns="http://v8.1c.ru/8.1/data/core"';

function reply(resultData: string, resultCode = 'SUCCESS'): string {
	return (
		`${ENVELOPE_START}<m:ClientReadResponse xmlns:m="http://buhphone.com/PartnerWebAPI2">` +
		'<m:return xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
		`<Property ${CORE} name="ResultCode"><Value xsi:type="xs:string">${resultCode}</Value></Property>` +
		`<Property ${CORE} name="ResultData">${resultData}</Property>` +
		`</m:return></m:ClientReadResponse>${ENVELOPE_END}`
	);
}

const column = (name: string, type?: string) =>
	`<column><Name>${name}</Name><ValueType>${type ? `<Type>${type}</Type>` : ''}</ValueType></column>`;

/** Every kind of value and every way text is written: what a split anywhere must not change. */
const TABLE = reply(
	'<Value xsi:type="ValueTable">' +
		column('Name', 'xs:string') +
		column('Sum', 'xs:decimal') +
		column('Active', 'xs:boolean') +
		column('When', 'xs:dateTime') +
		column('Any') +
		'<row><Value xsi:type="xs:string">ООО «Рога &amp; Копыта» &lt;тест&gt; 🙂</Value>' +
		'<Value xsi:type="xs:decimal">-1234.50</Value><Value xsi:type="xs:boolean">true</Value>' +
		'<Value xsi:type="xs:dateTime">2024-02-29T23:59:59</Value>' +
		'<Value xsi:type="xs:decimal">12345678901234567890</Value></row>' +
		'<row><Value xsi:type="xs:string">a&#13;&#x41;&#65;&nbsp;b<![CDATA[<&амп;>]]></Value>' +
		'<Value xsi:nil="true"/><Value>false</Value><Value xsi:nil="true"/>' +
		'<Value xsi:type="Structure"><Property name="Deep"><Value xsi:type="xs:string">да</Value></Property></Value></row>' +
		'<row><Value>untyped cell</Value><Value>7</Value></row>' +
		'</Value>',
);
const TABLE_ROWS = [
	{
		Name: 'ООО «Рога & Копыта» <тест> 🙂',
		Sum: -1234.5,
		Active: true,
		When: '2024-02-29T23:59:59',
		Any: '12345678901234567890',
	},
	{ Name: 'a\rAA\u00a0b<&амп;>', Sum: null, Active: false, When: null, Any: { Deep: 'да' } },
	{ Name: 'untyped cell', Sum: 7, Active: null, When: null, Any: null },
];

function decode(pieces: Uint8Array[]) {
	const reader = new SoapReplyReader('ClientRead');
	for (const piece of pieces) reader.writeBytes(piece);
	reader.end();
	return reader.reply();
}

function problemOf(pieces: Uint8Array[]): string {
	try {
		decode(pieces);
	} catch (error) {
		return (error as Error).message;
	}
	assert.fail('the reply was read');
}

const bytesOf = (text: string) => Buffer.from(text, 'utf8');
const utf16le = (text: string) =>
	Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('1C-Connect streaming decoder: a reply split anywhere', () => {
	test('split at every byte (inside multi-byte UTF-8, entities, CDATA and tags) it decodes the same', () => {
		const bytes = bytesOf(TABLE);
		const expected = { kind: 'result', resultCode: 'SUCCESS', resultData: TABLE_ROWS };
		assert.deepEqual(decode([bytes]), expected);
		for (let at = 1; at < bytes.length; at++) {
			assert.deepEqual(decode([bytes.subarray(0, at), bytes.subarray(at)]), expected, `at ${at}`);
		}
	});

	test('one byte at a time it decodes the same', () => {
		const bytes = bytesOf(TABLE);
		const pieces = Array.from({ length: bytes.length }, (_, at) => bytes.subarray(at, at + 1));
		assert.deepEqual(decode(pieces), {
			kind: 'result',
			resultCode: 'SUCCESS',
			resultData: TABLE_ROWS,
		});
	});

	test('UTF-16 marked by its byte-order mark, split at odd bytes and inside surrogate pairs', () => {
		const bytes = utf16le(TABLE);
		for (const at of [1, 2, 3, 101, 333, bytes.indexOf(Buffer.from('🙂', 'utf16le')) + 1]) {
			const [reply] = [decode([bytes.subarray(0, at), bytes.subarray(at)])];
			assert.deepEqual(reply, { kind: 'result', resultCode: 'SUCCESS', resultData: TABLE_ROWS });
		}
	});

	test('a UTF-16 reply with a byte missing at its end is refused, not read with a hole', () => {
		const bytes = utf16le(TABLE).subarray(0, -1);
		assert.match(
			problemOf([bytes]),
			/^1C-Connect sent a reply marked as UTF-16LE that is not valid/,
		);
	});
});

describe('1C-Connect streaming decoder: values', () => {
	test('a Structure with nested Structure, Array and nil keeps the JSON types', () => {
		const data =
			'<Value xsi:type="Structure">' +
			'<Property name="Count"><Value xsi:type="xs:decimal">3</Value></Property>' +
			'<Property name="Flag"><Value xsi:type="xs:boolean">false</Value></Property>' +
			'<Property name="Missing"><Value xsi:nil="true"/></Property>' +
			'<Property name="Empty"/>' +
			'<Property name="List"><Value xsi:type="Array"><Value xsi:type="xs:string">a</Value><Value xsi:type="xs:decimal">1</Value><Value xsi:nil="true"/></Value></Property>' +
			'<Property name="Inner"><Value xsi:type="Structure"><Property name="Deep"><Value xsi:type="xs:string"> пробелы </Value></Property></Value></Property>' +
			'</Value>';
		assert.deepEqual(decode([bytesOf(reply(data))]), {
			kind: 'result',
			resultCode: 'SUCCESS',
			resultData: {
				Count: 3,
				Flag: false,
				Missing: null,
				Empty: null,
				List: ['a', 1, null],
				Inner: { Deep: ' пробелы ' },
			},
		});
	});

	test('a nil ResultData is null; any other prefix for the XML Schema instance namespace works', () => {
		assert.deepEqual(decode([bytesOf(reply('<Value xsi:nil="true"/>'))]), {
			kind: 'result',
			resultCode: 'SUCCESS',
			resultData: null,
		});
		const other = reply(
			'<Value i:type="xs:decimal" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">5</Value>',
		);
		assert.deepEqual(decode([bytesOf(other)]), {
			kind: 'result',
			resultCode: 'SUCCESS',
			resultData: 5,
		});
	});

	test('a row with fewer values than columns gets null for the rest; extra values are dropped', () => {
		const data =
			'<Value xsi:type="ValueTable">' +
			column('A', 'xs:string') +
			column('B', 'xs:string') +
			'<row><Value>1</Value></row><row><Value>1</Value><Value>2</Value><Value>3</Value></row></Value>';
		assert.deepEqual(decode([bytesOf(reply(data))]), {
			kind: 'result',
			resultCode: 'SUCCESS',
			resultData: [
				{ A: '1', B: null },
				{ A: '1', B: '2' },
			],
		});
	});

	test('a Property or column named __proto__ is a plain key, never the prototype of the value', () => {
		const data =
			'<Value xsi:type="ValueTable">' +
			column('__proto__', 'xs:string') +
			'<row><Value xsi:type="Structure"><Property name="__proto__"><Value xsi:type="Structure"><Property name="polluted"><Value>yes</Value></Property></Value></Property></Value></row></Value>';
		const decoded = decode([bytesOf(reply(data))]) as {
			resultData: Array<Record<string, unknown>>;
		};
		const [row] = decoded.resultData;
		assert.equal(Object.getPrototypeOf(row), Object.prototype);
		const inner = row.__proto__ as Record<string, unknown>;
		assert.equal(Object.getPrototypeOf(inner), Object.prototype);
		assert.deepEqual(Object.keys(inner), ['__proto__']);
		assert.equal((inner as { polluted?: string }).polluted, undefined);
		assert.equal(JSON.stringify(row), '{"__proto__":{"__proto__":{"polluted":"yes"}}}');
	});

	test('SOAP 1.1 and 1.2 faults, and a return of plain fields, read as before', () => {
		const fault11 = `${ENVELOPE_START}<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Нет доступа &amp; всё</faultstring></soap:Fault>${ENVELOPE_END}`;
		assert.deepEqual(decode([bytesOf(fault11)]), {
			kind: 'fault',
			code: 'soap:Client',
			message: 'Нет доступа & всё',
		});
		const fault12 = `${ENVELOPE_START}<soap:Fault><soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="ru">Сбой</soap:Text></soap:Reason></soap:Fault>${ENVELOPE_END}`;
		assert.deepEqual(decode([bytesOf(fault12)]), {
			kind: 'fault',
			code: 'soap:Receiver',
			message: 'Сбой',
		});
		const plain = `${ENVELOPE_START}<m:ClientReadResponse xmlns:m="urn:x"><m:return><m:Token>abc</m:Token><m:Url>https://x</m:Url></m:return></m:ClientReadResponse>${ENVELOPE_END}`;
		assert.deepEqual(decode([bytesOf(plain)]), {
			kind: 'plain',
			value: { Token: 'abc', Url: 'https://x' },
		});
	});
});

describe('1C-Connect streaming decoder: replies it refuses', () => {
	test('a DOCTYPE with entity declarations is refused before any entity is expanded', () => {
		const bomb =
			'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
			reply('<Value xsi:type="xs:string">&lol2;</Value>').replace(/^<\?xml[^>]*>/, '');
		assert.match(
			problemOf([bytesOf(bomb)]),
			/^1C-Connect sent XML with a DOCTYPE or entity declaration, which is refused for safety: "<\?xml/,
		);
	});

	test('a depth bomb is refused at the bound, while it streams', () => {
		const deep = reply(`${'<Value xsi:type="Structure"><Property name="a">'.repeat(5000)}`);
		const bytes = bytesOf(deep);
		const reader = new SoapReplyReader('ClientRead');
		let problem = '';
		try {
			for (let at = 0; at < bytes.length; at += 1024)
				reader.writeBytes(bytes.subarray(at, at + 1024));
		} catch (error) {
			problem = (error as Error).message;
		}
		assert.match(problem, /^1C-Connect sent XML nested deeper than 64 levels, which is refused/);
	});

	test('a body cut short anywhere is broken XML quoting the start of the reply, never a partial result', () => {
		const bytes = bytesOf(TABLE);
		for (const at of [10, 200, 700, bytes.length - 30, bytes.length - 1]) {
			assert.match(
				problemOf([bytes.subarray(0, at)]),
				/^1C-Connect sent a reply that is not valid XML \(.+, line \d+\): "<\?xml vers/,
				`cut at ${at}`,
			);
		}
	});

	test('an HTML error page is not valid XML; a well-formed non-envelope is said to be one', () => {
		assert.match(
			problemOf([bytesOf('<html><body>Сервис недоступен')]),
			/not valid XML .*"<html><body>Сервис недоступен"/,
		);
		assert.match(
			problemOf([bytesOf('<result>ok</result>')]),
			/^1C-Connect answered XML that is not a SOAP envelope: "<result>ok<\/result>"$/,
		);
		assert.match(
			problemOf([bytesOf(`${ENVELOPE_START}<m:OtherResponse xmlns:m="urn:x"/>${ENVELOPE_END}`)]),
			/^1C-Connect answered without a ClientReadResponse: "<soap:Body>/,
		);
	});

	test('a reply without a ResultCode is refused, quoting its return', () => {
		const data = reply('<Value xsi:type="xs:string">x</Value>').replace(
			'name="ResultCode"',
			'name="Other"',
		);
		assert.match(
			problemOf([bytesOf(data)]),
			/^1C-Connect answered ClientRead without a ResultCode: "<m:return/,
		);
	});
});
