import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	XdtoError,
	decodeXdtoDocument,
	encodeXdtoElement,
	escapeXml,
	toXdtoDateTime,
} from '../../nodes/OneCConnect/xdto/codec';

const roundTrip = (value: Record<string, unknown> | Array<Record<string, unknown>>, types = {}) =>
	decodeXdtoDocument(encodeXdtoElement('m:Params', value, types));

describe('XDTO codec: encoding', () => {
	test('a Structure has one typed Property/Value per key, in the core namespace', () => {
		const xml = encodeXdtoElement('m:Params', { Name: 'ООО Ромашка', Count: 3, Active: true });
		assert.equal(
			xml,
			'<m:Params xmlns:v8="http://v8.1c.ru/8.1/data/core" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="v8:Structure">' +
				'<v8:Property name="Name"><v8:Value xsi:type="xs:string">ООО Ромашка</v8:Value></v8:Property>' +
				'<v8:Property name="Count"><v8:Value xsi:type="xs:decimal">3</v8:Value></v8:Property>' +
				'<v8:Property name="Active"><v8:Value xsi:type="xs:boolean">true</v8:Value></v8:Property>' +
				'</m:Params>',
		);
	});

	test('a ValueTable has the vendor example columns (Name, ValueType with qualifiers) then rows in column order', () => {
		const xml = encodeXdtoElement('m:Params', [
			{ ClientID: 'a', Value: 'Значение1' },
			{ Value: 'Значениe2', ClientID: 'b' },
		]);
		assert.match(
			xml,
			/<v8:column><v8:Name>ClientID<\/v8:Name><v8:ValueType><v8:Type>xs:string<\/v8:Type><v8:StringQualifiers><v8:Length>0<\/v8:Length><v8:AllowedLength>Variable<\/v8:AllowedLength><\/v8:StringQualifiers><\/v8:ValueType><\/v8:column>/,
		);
		assert.match(
			xml,
			/<v8:row><v8:Value xsi:type="xs:string">b<\/v8:Value><v8:Value xsi:type="xs:string">Значениe2<\/v8:Value><\/v8:row>/,
		);
		assert.match(xml, /xsi:type="v8:ValueTable"/);
	});

	test('XML specials in values and property names cannot inject markup', () => {
		const evil = '</v8:Value></v8:Property><v8:Property name="Admin"><v8:Value>1';
		const xml = encodeXdtoElement('m:Params', { [`a"b<c`]: evil });
		assert.doesNotMatch(xml, /name="Admin"/);
		assert.deepEqual(decodeXdtoDocument(xml), { 'a"b<c': evil });
	});

	test('escapeXml keeps CR and TAB as references and refuses characters XML cannot carry', () => {
		assert.equal(escapeXml('a&b<c>"d\'\r\t'), 'a&amp;b&lt;c&gt;&quot;d&apos;&#13;&#9;');
		assert.throws(() => escapeXml('bell\u0007'), XdtoError);
		assert.throws(() => escapeXml('half \uD800 pair'), XdtoError);
		assert.equal(escapeXml('emoji 😀'), 'emoji 😀');
	});

	test('dates travel as xs:dateTime without a zone; the wall-clock time is kept', () => {
		assert.equal(toXdtoDateTime('2019-08-01'), '2019-08-01T00:00:00');
		assert.equal(toXdtoDateTime('2019-08-01T01:00'), '2019-08-01T01:00:00');
		assert.equal(toXdtoDateTime('2019-08-01T01:00:00.123+03:00'), '2019-08-01T01:00:00');
		assert.equal(toXdtoDateTime(new Date(Date.UTC(2020, 0, 2, 3, 4, 5))), '2020-01-02T03:04:05');
		assert.throws(() => toXdtoDateTime('yesterday'), /not a date and time/);
		const xml = encodeXdtoElement(
			'm:Params',
			{ ChangedFrom: '2019-08-01T01:00:00Z' },
			{ ChangedFrom: 'dateTime' },
		);
		assert.match(xml, /<v8:Value xsi:type="xs:dateTime">2019-08-01T01:00:00<\/v8:Value>/);
	});

	test('type hints turn numbers into strings (GUIDs, codes) and strings into decimals or booleans', () => {
		const xml = encodeXdtoElement(
			'm:Params',
			{ INN: 7701234567, Priority: '2', Active: 'false' },
			{ INN: 'string', Priority: 'decimal', Active: 'boolean' },
		);
		assert.deepEqual(decodeXdtoDocument(xml), { INN: '7701234567', Priority: 2, Active: false });
		assert.throws(
			() => encodeXdtoElement('p', { Priority: 'high' }, { Priority: 'decimal' }),
			/not a number/,
		);
	});
});

describe('XDTO codec: round trips', () => {
	test('Cyrillic, XML specials, whitespace, CR/LF and emoji survive', () => {
		const value = {
			Name: 'ООО «Рога & Копыта» <тест>',
			Note: '  ведущие и хвостовые пробелы  ',
			Lines: 'строка 1\r\nстрока 2\tтаб',
			Quote: `"'`,
			Emoji: '🙂',
			Empty: '',
		};
		assert.deepEqual(roundTrip(value), value);
	});

	test('numbers, booleans, dates, nil and nested structures keep their JSON types', () => {
		const value = {
			Amount: -1234.5,
			Zero: 0,
			Flag: false,
			Missing: null,
			When: '2024-02-29T23:59:59',
			Nested: { Inner: { Deep: 'да', Count: 7 } },
			List: ['a', 1, true, null],
		};
		assert.deepEqual(roundTrip(value, { When: 'dateTime' }), value);
	});

	test('a table nested in a structure, and a structure nested in a table row', () => {
		const value = {
			Rows: [
				{ ID: '1', Sum: 10.5, Extra: { Tag: 'x' } },
				{ ID: '2', Sum: null, Extra: { Tag: 'y' } },
			],
		};
		assert.deepEqual(roundTrip(value), value);
	});

	test('a batch ValueTable decodes to rows zipped with their columns; missing cells are nil', () => {
		const rows = [
			{ A: 'x', B: 1 },
			{ B: 2, C: true },
		];
		assert.deepEqual(roundTrip(rows), [
			{ A: 'x', B: 1, C: null },
			{ A: null, B: 2, C: true },
		]);
	});

	test('huge integers that JSON numbers cannot hold stay exact as strings', () => {
		const xml =
			'<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Structure"><Property name="n"><Value xsi:type="xs:decimal">12345678901234567890</Value></Property></r>';
		assert.deepEqual(decodeXdtoDocument(xml), { n: '12345678901234567890' });
	});
});

describe('XDTO codec: decoding replies', () => {
	test("the vendor's example reply decodes by its own columns, typed values and untyped cells", () => {
		const xml = `<return xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Structure">
			<Property xmlns="http://v8.1c.ru/8.1/data/core" name="ResultData">
				<Value xsi:type="ValueTable">
					<column><Name>ResultCode</Name><ValueType><Type>xs:string</Type></ValueType></column>
					<column><Name>Count</Name><ValueType><Type>xs:decimal</Type></ValueType></column>
					<column><Name>ResultData</Name><ValueType/></column>
					<row><Value xsi:type="xs:string">SUCCESS</Value><Value>5</Value><Value xsi:type="xs:boolean">true</Value></row>
					<row><Value>PARAM_NOT_EXIST</Value><Value xsi:nil="true"/><Value xsi:type="xs:string">ClientID</Value></row>
				</Value>
			</Property>
		</return>`;
		assert.deepEqual(decodeXdtoDocument(xml), {
			ResultData: [
				{ ResultCode: 'SUCCESS', Count: 5, ResultData: true },
				{ ResultCode: 'PARAM_NOT_EXIST', Count: null, ResultData: 'ClientID' },
			],
		});
	});

	test('a DOCTYPE or entity declaration is refused, never expanded', () => {
		const xml =
			'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "boom">]><r><Property name="a"><Value>&x;</Value></Property></r>';
		assert.throws(() => decodeXdtoDocument(xml), /DOCTYPE or entity declaration/);
	});

	test('broken XML is an XdtoError quoting the start of the body', () => {
		assert.throws(
			() => decodeXdtoDocument('<r><Property name="a">'),
			/not valid XML.*"<r><Property/,
		);
	});

	test('50,000 rows decode in bounded time and memory', { timeout: 60_000 }, () => {
		const rows = Array.from({ length: 50_000 }, (_, index) => ({
			ClientID: `id-${index}`,
			Name: `Клиент № ${index}`,
			Deleted: index % 2 === 0,
		}));
		const xml = encodeXdtoElement('m:Params', rows);
		global.gc?.();
		const heapBefore = process.memoryUsage().heapUsed;
		const started = Date.now();
		const decoded = decodeXdtoDocument(xml) as Array<Record<string, unknown>>;
		const elapsed = Date.now() - started;
		const grown = process.memoryUsage().heapUsed - heapBefore;

		assert.equal(decoded.length, 50_000);
		assert.deepEqual(decoded[49_999], {
			ClientID: 'id-49999',
			Name: 'Клиент № 49999',
			Deleted: false,
		});
		assert.ok(elapsed < 30_000, `took ${elapsed} ms`);
		assert.ok(grown < 1024 * 1024 * 1024, `heap grew ${Math.round(grown / 1e6)} MB`);
	});

	test("a document past the old 20 MB bound is read: the size cap is the transport's, while it streams", () => {
		const huge = `<r>${'x'.repeat(21 * 1024 * 1024)}</r>`;
		assert.equal((decodeXdtoDocument(huge) as string).length, 21 * 1024 * 1024);
	});
});
