import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';

import { ONE_C_DEMO_LOGIN, ONE_C_DEMO_PASSWORD, ONE_C_SERVICE_PATH } from './demo-data';
import { createOneCConnectSimulator } from './one-c-simulator';
import { readXdtoValue } from './xml/xdto-values';
import { childNamed, readXmlTree } from './xml/xml-tree';

const BASIC = `Basic ${Buffer.from(`${ONE_C_DEMO_LOGIN}:${ONE_C_DEMO_PASSWORD}`).toString('base64')}`;

/** The vendor page's example exchange (ClientAdditionalParameterValueEdit), byte for byte. */
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const VENDOR_REQUEST = fixture('value-edit-request.xml');
const VENDOR_RESPONSE = fixture('value-edit-response.xml');

describe('1C-Connect simulator', () => {
	const simulator = createOneCConnectSimulator();
	let url: string;
	const post = (body: string, operation?: string, authorization = BASIC) =>
		fetch(url, {
			method: 'POST',
			headers: {
				'Content-Type': 'text/xml; charset=utf-8',
				Authorization: authorization,
				...(operation
					? { SOAPAction: `"http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:${operation}"` }
					: {}),
			},
			body,
		});
	const envelope = (operation: string, params: string) =>
		`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><m:${operation} xmlns:m="http://buhphone.com/PartnerWebAPI2">${params}</m:${operation}></soap:Body></soap:Envelope>`;
	/** The reply's `return` as a Structure, read with the simulator's own XML reader. */
	const returnOf = (text: string) => {
		const body = childNamed(readXmlTree(text), 'Body');
		return readXdtoValue(childNamed(body!.children[0], 'return')!, 'Structure');
	};

	before(async () => {
		url = `${await simulator.start()}${ONE_C_SERVICE_PATH}`;
	});
	beforeEach(() => simulator.reset());
	after(() => simulator.stop());

	test("answers the vendor page's example request with the vendor page's example reply shape", async () => {
		const res = await post(VENDOR_REQUEST, 'ClientAdditionalParameterValueEdit');
		const text = await res.text();

		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'text/xml; charset=utf-8');
		assert.match(
			text,
			/<m:ClientAdditionalParameterValueEditResponse xmlns:m="http:\/\/buhphone\.com\/PartnerWebAPI2"><m:return xmlns:xs="http:\/\/www\.w3\.org\/2001\/XMLSchema" xmlns:xsi="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance"><Property xmlns="http:\/\/v8\.1c\.ru\/8\.1\/data\/core" name="ResultCode"><Value xsi:type="xs:string">SUCCESS<\/Value><\/Property>/,
		);
		assert.deepEqual(returnOf(text), returnOf(VENDOR_RESPONSE));
		assert.deepEqual(returnOf(VENDOR_RESPONSE), {
			ResultCode: 'SUCCESS',
			ResultData: [
				{ ResultCode: 'SUCCESS', ResultData: true },
				{ ResultCode: 'SUCCESS', ResultData: true },
			],
		});
	});

	test('the example request stores both values, which a ValueRead reads back', async () => {
		await post(VENDOR_REQUEST, 'ClientAdditionalParameterValueEdit');
		const res = await post(
			envelope(
				'ClientAdditionalParameterValueRead',
				'<m:Params xmlns:v8="http://v8.1c.ru/8.1/data/core" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="v8:Structure"/>',
			),
		);
		assert.deepEqual((returnOf(await res.text()) as { ResultData: unknown }).ResultData, [
			{
				ClientParameterID: 'xfafb2b5-8552-11e6-80e3-xx25904f970x',
				ClientID: 'xa29b1a9-26ef-11e8-80e6-x025904f970x',
				Value: 'Значение1',
				Color: 'RED',
			},
			{
				ClientParameterID: 'xfafb2b5-8552-11e6-80e3-x025904f970x',
				ClientID: 'x74f2212-ed24-49b9-8bb1-xx5822033abx',
				Value: 'Значениe2',
				Color: 'BLUE',
			},
		]);
	});

	test('serves the WSDL at ?wsdl, to an authenticated client only', async () => {
		const res = await fetch(`${url}?wsdl`, { headers: { Authorization: BASIC } });
		const wsdl = await res.text();
		assert.equal(res.status, 200);
		assert.match(wsdl, /targetNamespace="http:\/\/buhphone\.com\/PartnerWebAPI2"/);
		assert.equal((wsdl.match(/<operation name="/g) ?? []).length, 87 * 2);
		assert.match(wsdl, new RegExp(`<soap:address location="${url}"/>`));

		assert.equal((await fetch(`${url}?wsdl`)).status, 401);
	});

	test('refuses a missing or wrong Basic login with 401 and WWW-Authenticate', async () => {
		const wrong = `Basic ${Buffer.from(`${ONE_C_DEMO_LOGIN}:nope`).toString('base64')}`;
		for (const authorization of ['', wrong]) {
			const res = await post(envelope('RegionRead', ''), 'RegionRead', authorization);
			assert.equal(res.status, 401);
			assert.equal(res.headers.get('www-authenticate'), 'Basic realm="1C-Connect"');
		}
	});

	test('counts calls per operation and login per hour; over the limit answers OUT_OF_LIMIT', async () => {
		simulator.limits.set({ RegionRead: 2 });
		const codes: unknown[] = [];
		for (let call = 0; call < 3; call++) {
			const res = await post(envelope('RegionRead', ''), 'RegionRead');
			codes.push((returnOf(await res.text()) as { ResultCode: unknown }).ResultCode);
		}
		assert.deepEqual(codes, ['SUCCESS', 'SUCCESS', 'OUT_OF_LIMIT']);

		const usage = await fetch(
			`${url.replace(ONE_C_SERVICE_PATH, '')}/__control/one-c-connect/limits`,
		);
		assert.deepEqual(((await usage.json()) as Record<string, unknown>).RegionRead, {
			calls: 2,
			limit: 2,
		});
	});

	test('the documented limits apply by default: GetHistoryOfServiceCalls allows 10 an hour', () => {
		assert.equal(simulator.limits.limitOf('GetHistoryOfServiceCalls'), 10);
		assert.equal(simulator.limits.limitOf('ClientRead'), 250);
		assert.equal(simulator.limits.limitOf('ServiceRequestAdd'), 50);
	});

	test('limits can be set through the control surface', async () => {
		const base = url.replace(ONE_C_SERVICE_PATH, '');
		const res = await fetch(`${base}/__control/one-c-connect/limits`, {
			method: 'POST',
			body: JSON.stringify({ ClientRead: 5 }),
		});
		assert.equal(res.status, 200);
		assert.equal(simulator.limits.limitOf('ClientRead'), 5);
		const bad = await fetch(`${base}/__control/one-c-connect/limits`, {
			method: 'POST',
			body: JSON.stringify({ ClientRead: -1 }),
		});
		assert.equal(bad.status, 400);
	});

	test('a SOAPAction that names another operation, a broken envelope and an unknown operation are SOAP Faults', async () => {
		const mismatch = await post(envelope('RegionRead', ''), 'ClientRead');
		assert.equal(mismatch.status, 500);
		assert.match(
			await mismatch.text(),
			/<faultstring>SOAPAction &quot;[^&]+ClientRead&quot; does not name RegionRead<\/faultstring>/,
		);

		const broken = await post('<soap:Envelope><soap:Body>', 'RegionRead');
		assert.equal(broken.status, 500);
		assert.match(await broken.text(), /<soap:Fault><faultcode>soap:Client<\/faultcode>/);

		const unknown = await post(envelope('DropDatabase', ''), 'DropDatabase');
		assert.match(await unknown.text(), /Operation DropDatabase is not found in PartnerWebAPI2/);
	});

	test('a DOCTYPE in a request is refused', async () => {
		const res = await post(
			`<!DOCTYPE x [<!ENTITY a "b">]>${envelope('RegionRead', '')}`,
			'RegionRead',
		);
		assert.equal(res.status, 500);
		assert.match(await res.text(), /DOCTYPE or entity declaration/);
	});

	test('a batch over the per-call maximum answers the extra rows with OUT_OF_LIMIT', async () => {
		const rows = Array.from(
			{ length: 52 },
			(_, index) => `<v8:row><v8:Value xsi:type="xs:string">id-${index}</v8:Value></v8:row>`,
		).join('');
		const res = await post(
			envelope(
				'ServiceKindDelete',
				`<m:Params xmlns:v8="http://v8.1c.ru/8.1/data/core" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="v8:ValueTable"><v8:column><v8:Name>ServiceKindID</v8:Name><v8:ValueType/></v8:column>${rows}</m:Params>`,
			),
			'ServiceKindDelete',
		);
		const results = (returnOf(await res.text()) as { ResultData: Array<{ ResultCode: string }> })
			.ResultData;
		assert.equal(results.length, 52);
		assert.equal(results[0].ResultCode, 'PARAM_NOT_EXIST');
		assert.deepEqual(
			results.slice(50).map((row) => row.ResultCode),
			['OUT_OF_LIMIT', 'OUT_OF_LIMIT'],
		);
	});

	test('reset restores the demo data and the hourly counts', async () => {
		simulator.addObject('Client', { Name: 'Временный' });
		simulator.limits.set({ RegionRead: 0 });
		simulator.reset();
		assert.equal(simulator.objects('Client').length, 2);
		assert.equal(simulator.limits.limitOf('RegionRead'), 1000);
	});
});
