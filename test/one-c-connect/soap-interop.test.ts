import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';

import * as soap from 'soap';

import { encodeXdtoElement } from '../../nodes/OneCConnect/xdto/codec';
import {
	ONE_C_DEMO_LOGIN,
	ONE_C_DEMO_PASSWORD,
	ONE_C_SERVICE_PATH,
	PARTNER_OPERATIONS,
	partnerWsdl,
} from '../../sandbox/one-c-connect';
import { N8nHarness } from '../harness/n8n-harness';
import { useOneC } from './one-c-fixture';

const BASIC = `Basic ${Buffer.from(`${ONE_C_DEMO_LOGIN}:${ONE_C_DEMO_PASSWORD}`).toString('base64')}`;

/** Our Params element for the soap client's raw-XML argument, in the service namespace. */
function rawParams(value: Record<string, unknown>): string {
	return encodeXdtoElement('Params', value, { ChangedFrom: 'dateTime' }).replace(
		'<Params ',
		'<Params xmlns="http://buhphone.com/PartnerWebAPI2" ',
	);
}

interface SoapProperty {
	attributes: { name: string };
	Value: { attributes?: Record<string, string>; $value?: string; row?: unknown[] };
}

function propertiesOf(reply: unknown): Record<string, SoapProperty['Value']> {
	const properties = (reply as { return: { Property: SoapProperty[] } }).return.Property;
	return Object.fromEntries(
		properties.map((property) => [property.attributes.name, property.Value]),
	);
}

describe('the soap library (an independent SOAP implementation) and our simulator', () => {
	const oneC = useOneC();
	let client: soap.Client;

	before(async () => {
		client = await soap.createClientAsync(`${oneC.serviceUrl}?wsdl`, {
			wsdl_headers: { Authorization: BASIC },
		});
		client.setSecurity(new soap.BasicAuthSecurity(ONE_C_DEMO_LOGIN, ONE_C_DEMO_PASSWORD));
	});

	test('accepts our WSDL: all 87 operations, with the documented SOAPAction', () => {
		const port = client.describe().PartnerWebAPI2.PartnerWebAPI2Soap as Record<string, unknown>;
		assert.deepEqual(Object.keys(port).sort(), [...PARTNER_OPERATIONS].sort());
	});

	test('calls ClientRead with an XDTO Structure and reads the ResultCode/ResultData reply', async () => {
		const [reply] = await client.ClientReadAsync({
			$xml: rawParams({ ChangedFrom: '2020-01-01T00:00:00' }),
		});

		assert.equal(
			oneC.simulator.requests[0].headers.soapaction,
			'"http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:ClientRead"',
		);
		const properties = propertiesOf(reply);
		assert.equal(properties.ResultCode.$value, 'SUCCESS');
		assert.equal(properties.ResultData.attributes?.['xsi:type'], 'ValueTable');
		assert.equal(properties.ResultData.row?.length, 2);
	});

	test('sends plain elements the way the WSDL declares them, and our simulator reads them', async () => {
		oneC.simulator.addObject('ServiceRequest', {
			ServiceRequestID: 'sr-1',
			ServiceLineKindID: 'line-1c',
			UserID: 'user-anna',
		});

		const [reply] = await client.ServiceRequestSendTextMessageAsync({
			ServiceRequestID: 'sr-1',
			AuthorID: 'spec-ivanov',
			Message: 'Текст <с> & разметкой',
		});

		assert.equal(propertiesOf(reply).ResultCode.$value, 'SUCCESS');
		assert.match(client.lastRequest ?? '', /<Message>Текст &lt;с&gt; &amp; разметкой<\/Message>/);
	});

	test('gets OUT_OF_LIMIT as a normal reply once the hourly limit is spent', async () => {
		oneC.simulator.limits.set({ RegionRead: 0 });

		const [reply] = await client.RegionReadAsync({ $xml: rawParams({}) });

		assert.equal(propertiesOf(reply).ResultCode.$value, 'OUT_OF_LIMIT');
	});
});

describe('our node and a soap-library endpoint', () => {
	const received: Array<{ operation: string; args: unknown; soapAction?: string }> = [];
	const server = createServer((_request, response) => response.writeHead(404).end());
	let url = '';

	const reply = (rows: string) => ({
		return: {
			$xml:
				'<Property xmlns="http://v8.1c.ru/8.1/data/core" name="ResultCode"><Value xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">SUCCESS</Value></Property>' +
				`<Property xmlns="http://v8.1c.ru/8.1/data/core" name="ResultData"><Value xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ValueTable">${rows}</Value></Property>`,
		},
	});

	before(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${ONE_C_SERVICE_PATH}`;
		const handler =
			(operation: string, rows: string) =>
			(
				args: unknown,
				_callback: unknown,
				_headers: unknown,
				request: { headers: Record<string, string> },
			) => {
				received.push({ operation, args, soapAction: request.headers.soapaction });
				return reply(rows);
			};
		soap.listen(
			server,
			ONE_C_SERVICE_PATH,
			{
				PartnerWebAPI2: {
					PartnerWebAPI2Soap: {
						ClientRead: handler(
							'ClientRead',
							'<column><Name>ClientID</Name><ValueType><Type>xs:string</Type></ValueType></column><column><Name>Name</Name><ValueType><Type>xs:string</Type></ValueType></column><row><Value>c-1</Value><Value>Ромашка</Value></row>',
						),
						ClientAdd: handler(
							'ClientAdd',
							'<column><Name>ResultCode</Name></column><column><Name>ResultData</Name></column><row><Value xsi:type="xs:string">SUCCESS</Value><Value xsi:type="Structure"><Property name="ClientID"><Value xsi:type="xs:string">new-1</Value></Property></Value></row>',
						),
					},
				},
			},
			partnerWsdl(url),
		);
	});
	after(() => new Promise<void>((resolve) => server.close(() => resolve())));

	async function runAgainstSoapServer(parameters: Record<string, unknown>) {
		const harness = new N8nHarness();
		const credentialId = harness.addCredential('oneCConnectApi', {
			region: 'custom',
			customUrl: url,
			login: ONE_C_DEMO_LOGIN,
			password: ONE_C_DEMO_PASSWORD,
		});
		return await harness.runNode({
			type: 'oneCConnect',
			parameters: parameters as never,
			credentials: { oneCConnectApi: credentialId },
		});
	}

	test('accepts our Structure envelope and hands the typed Params to the service', async () => {
		received.length = 0;
		const result = await runAgainstSoapServer({
			resource: 'client',
			operation: 'getMany',
			returnAll: true,
			filters: { changedFrom: '2024-03-01T09:30:00', clientID: 'c-<1>&' },
		});

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => item.json),
			[{ ClientID: 'c-1', Name: 'Ромашка' }],
		);
		assert.equal(
			received[0].soapAction,
			'"http://buhphone.com/PartnerWebAPI2#PartnerWebAPI2:ClientRead"',
		);
		assert.deepEqual(received[0].args, {
			Params: {
				attributes: { 'xsi:type': 'v8:Structure' },
				Property: [
					{
						attributes: { name: 'ChangedFrom' },
						Value: { attributes: { 'xsi:type': 'xs:dateTime' }, $value: '2024-03-01T09:30:00' },
					},
					{
						attributes: { name: 'ClientID' },
						Value: { attributes: { 'xsi:type': 'xs:string' }, $value: 'c-<1>&' },
					},
				],
			},
		});
	});

	test('accepts our ValueTable batch envelope', async () => {
		received.length = 0;
		const result = await runAgainstSoapServer({
			resource: 'client',
			operation: 'create',
			name: 'ООО «Тест»',
		});

		assert.equal(result.error, undefined);
		assert.equal(result.items[0].json.ClientID, 'new-1');
		const params = (
			received[0].args as { Params: { attributes: Record<string, string>; row: unknown } }
		).Params;
		assert.equal(params.attributes['xsi:type'], 'v8:ValueTable');
		assert.deepEqual(params.row, {
			Value: { attributes: { 'xsi:type': 'xs:string' }, $value: 'ООО «Тест»' },
		});
	});
});
