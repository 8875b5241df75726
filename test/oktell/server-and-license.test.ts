import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { jsonOf, useOktell } from './oktell-fixture';

const VERSION = {
	text: 'Версия программы: 2.7.120918(4644.26860). Версия БД: 120711.',
	build: '2.7.4644.26860',
	date: '120918',
	environment: '1.1.4322.2032',
	halBuild: '2.15.40.134',
	halDate: '120913',
};

describe('Oktell: Server and License', () => {
	const oktell = useOktell();

	test('Get Version reads the UTF-16LE reply with BOM into {text, build, date, environment, halBuild, halDate}', async () => {
		const result = await oktell.run({ resource: 'server', operation: 'getVersion' });

		assert.equal(result.error, undefined);
		assert.deepEqual(jsonOf(result.items), [VERSION]);
		assert.deepEqual(oktell.sent(), ['/getversion']);
	});

	test('Get Version reads UTF-8 bytes that declare utf-16, and UTF-16BE with its BOM, the same way', async () => {
		for (const encoding of ['utf-8', 'utf-16be'] as const) {
			oktell.simulator.xmlEncoding = encoding;
			const result = await oktell.run({ resource: 'server', operation: 'getVersion' });
			assert.deepEqual(jsonOf(result.items), [VERSION], encoding);
		}
	});

	test('Raw Output keeps the XML as text', async () => {
		const result = await oktell.run({
			resource: 'server',
			operation: 'getVersion',
			rawOutput: true,
		});
		const xml = String(result.items[0].json.xml);
		assert.match(xml, /^<\?xml version="1.0" encoding="utf-16"\?>/);
		assert.match(xml, /<property_cdata key="build"><!\[CDATA\[2\.7\.4644\.26860\]\]>/);
	});

	test('Basic auth goes in the Authorization header, never in the URL', async () => {
		await oktell.run({ resource: 'server', operation: 'getVersion' });
		const [request] = oktell.simulator.requests;
		const expected = Buffer.from('api:oktell-demo-password').toString('base64');
		assert.equal(request.headers.authorization, `Basic ${expected}`);
		assert.doesNotMatch(request.path + request.query, /oktell-demo-password/);
	});

	test('License Get Full Text returns the text; Get Info returns one detail', async () => {
		const text = await oktell.run({ resource: 'license', operation: 'getFullText' });
		assert.match(String(text.items[0].json.text), /Регистрационный номер: 1234567/);

		for (const [detail, value] of [
			['regserial', '1234567'],
			['confirmdate', '01.12.2026'],
			['updatelimitdate', '31.12.2027'],
		]) {
			const info = await oktell.run({ resource: 'license', operation: 'getInfo', detail });
			assert.deepEqual(info.items[0].json, { detail, value });
		}
		assert.deepEqual(oktell.sent().slice(1), [
			'/getlicenseinfo?detail=regserial',
			'/getlicenseinfo?detail=confirmdate',
			'/getlicenseinfo?detail=updatelimitdate',
		]);
	});

	test('License Get Full XML gives clean JSON with typed numbers, CDATA as text', async () => {
		const result = await oktell.run({ resource: 'license', operation: 'getFullXml' });
		assert.deepEqual(result.items[0].json, {
			license: {
				regserial: 1234567,
				operators: 50,
				owner: 'ООО "Ромашка"',
				confirmdate: '01.12.2026',
				updatelimitdate: '31.12.2027',
			},
		});
	});
});
