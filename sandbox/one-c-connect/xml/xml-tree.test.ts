import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { XSI_NS, readXdtoValue } from './xdto-values';
import { XmlReadError, attributeOf, childNamed, readXmlTree } from './xml-tree';

describe("the simulator's own XML reader", () => {
	test('resolves namespaces, decodes entities and CDATA, and skips comments and the declaration', () => {
		const root = readXmlTree(
			'<?xml version="1.0"?><!-- c --><a:r xmlns:a="urn:a" xmlns="urn:d" xmlns:xsi="' +
				XSI_NS +
				'"><b xsi:type="x">&lt;&amp;&#1071;&#x44F;<![CDATA[<raw>]]></b><c/></a:r>',
		);
		assert.equal(root.local, 'r');
		assert.equal(root.ns, 'urn:a');
		const b = childNamed(root, 'b')!;
		assert.equal(b.ns, 'urn:d');
		assert.equal(b.text, '<&Яя<raw>');
		assert.equal(attributeOf(b, 'type', XSI_NS), 'x');
		assert.equal(childNamed(root, 'c')?.children.length, 0);
	});

	test('refuses what is not well-formed, with the offset', () => {
		for (const [xml, problem] of [
			['<a><b></a>', /unexpected <\/a>/],
			['<a>', /<a> is not closed/],
			['<a>&nbsp;</a>', /Unknown entity &nbsp;/],
			['<p:a/>', /prefix "p" is not declared/],
			['<a/><b/>', /second root element/],
			['<!DOCTYPE a><a/>', /DOCTYPE or entity declaration/],
		] as const) {
			assert.throws(
				() => readXmlTree(xml),
				(error: Error) => {
					assert.ok(error instanceof XmlReadError);
					assert.match(error.message, problem);
					return true;
				},
			);
		}
	});

	test('bounds the depth', () => {
		assert.throws(() => readXmlTree('<a>'.repeat(100) + '</a>'.repeat(100)), /deeper than 64/);
	});

	test('reads XDTO values as the vendor page writes them: untyped table cells take the column type', () => {
		const table = readXmlTree(
			`<Value xmlns="http://v8.1c.ru/8.1/data/core" xmlns:xsi="${XSI_NS}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xsi:type="ValueTable">` +
				'<column><Name>N</Name><ValueType><Type>xs:decimal</Type></ValueType></column>' +
				'<column><Name>S</Name><ValueType/></column>' +
				'<row><Value>12.5</Value><Value xsi:type="xs:boolean">true</Value></row>' +
				'<row><Value xsi:nil="true"/><Value xsi:type="xs:string"> a </Value></row></Value>',
		);
		assert.deepEqual(readXdtoValue(table), [
			{ N: 12.5, S: true },
			{ N: null, S: ' a ' },
		]);
	});
});
