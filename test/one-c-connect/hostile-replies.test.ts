import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { dripBody, sequence } from '../support/hostile-server';
import {
	ROMASHKA,
	SERVICE_PATH,
	SLACK_MS,
	addOk,
	batchBody,
	envelope,
	failureOf,
	operationOf,
	readOk,
	replyXml,
	resultEnvelope,
	useHostileOneC,
} from './hostile-fixture';

const MAY_HAVE_APPLIED = /1C-Connect may have made this change before the failure/;
const CORE = 'xmlns="http://v8.1c.ru/8.1/data/core"';
const NOT_A_TABLE =
	/^1C-Connect answered ClientRead with something other than a list of objects: "<Property xmlns="[^"]+" name="ResultData"><Value /;

/** ClientRead replies of the wrong shape, each with the error its item gets. */
const WRONG_READS: Array<[string, string, RegExp]> = [
	['null', 'null', /^1C-Connect sent a reply that is not valid XML .*: "null"$/],
	['a number', '42', /^1C-Connect sent a reply that is not valid XML .*: "42"$/],
	[
		'an envelope without ClientReadResponse',
		envelope('<m:ClientAddResponse xmlns:m="http://buhphone.com/PartnerWebAPI2"/>'),
		/^1C-Connect answered without a ClientReadResponse: "<soap:Body><m:ClientAddResponse /,
	],
	[
		'a return without ResultCode',
		envelope(
			`<m:ClientReadResponse xmlns:m="http://buhphone.com/PartnerWebAPI2"><m:return xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Property ${CORE} name="Rows"><Value xsi:nil="true"/></Property></m:return></m:ClientReadResponse>`,
		),
		/^1C-Connect answered ClientRead without a ResultCode: "<m:return /,
	],
	[
		'a Structure where a table is expected',
		resultEnvelope(
			'ClientRead',
			`<Value xsi:type="Structure"><Property ${CORE} name="ClientID"><Value xsi:type="xs:string">x</Value></Property></Value>`,
		),
		NOT_A_TABLE,
	],
	[
		'a number as ResultData',
		resultEnvelope('ClientRead', '<Value xsi:type="xs:decimal">42</Value>'),
		NOT_A_TABLE,
	],
	[
		'a list holding nil',
		resultEnvelope('ClientRead', '<Value xsi:type="Array"><Value xsi:nil="true"/></Value>'),
		NOT_A_TABLE,
	],
];

describe('1C-Connect against a hostile server: replies of the wrong shape', () => {
	const oneC = useHostileOneC();

	for (const [what, body, error] of WRONG_READS) {
		test(`ClientRead answered with ${what}: that item's clear error, the others fine`, async () => {
			// Items read side by side: item 1's client has the odd reply, whatever order they arrive in.
			const server = await oneC.serve((socket, request, index) =>
				(request.body.toString('utf8').includes('client-1') ? replyXml(200, body) : readOk)(
					socket,
					request,
					index,
				),
			);

			const result = await oneC.run(
				server,
				{
					resource: 'client',
					operation: 'getMany',
					returnAll: true,
					filters: { clientID: '={{ $json.id }}' },
				},
				[{ id: 'client-0' }, { id: 'client-1' }, { id: 'client-2' }],
				true,
			);

			assert.equal(server.count, 3, 'a 200 is not asked for again');
			assert.equal(result.items.length, 3, 'N items in, N items out');
			assert.equal(result.items[0].json.ClientID, ROMASHKA);
			assert.match(String(result.items[1].json.error), error);
			assert.deepEqual(result.items[1].pairedItem, { item: 1 });
			assert.equal(result.items[2].json.ClientID, ROMASHKA);
		});
	}

	test('ClientAdd answered null: every item of the call fails, saying the clients may exist', async () => {
		const server = await oneC.serve(replyXml(200, 'null'));

		const result = await oneC.create(server, {}, [{}, {}, {}], true);

		assert.equal(server.count, 1);
		assert.equal(result.items.length, 3);
		for (const index of [0, 1, 2]) {
			assert.match(failureOf(result, index).message, /not valid XML .*: "null"$/);
			assert.match(failureOf(result, index).description, MAY_HAVE_APPLIED);
		}
	});

	test('a ClientAdd result list holding nil fails only that row’s item; the others get their IDs', async () => {
		const row = (id: string) =>
			`<Value xsi:type="Structure"><Property ${CORE} name="ResultCode"><Value xsi:type="xs:string">SUCCESS</Value></Property><Property ${CORE} name="ResultData"><Value xsi:type="Structure"><Property ${CORE} name="ClientID"><Value xsi:type="xs:string">${id}</Value></Property></Value></Property></Value>`;
		const server = await oneC.serve(
			replyXml(
				200,
				resultEnvelope(
					'ClientAdd',
					`<Value xsi:type="Array">${row('id-0')}<Value xsi:nil="true"/>${row('id-2')}</Value>`,
				),
			),
		);

		const result = await oneC.create(server, {}, [{}, {}, {}], true);

		assert.equal(server.count, 1);
		assert.deepEqual(
			result.items.map((item) => item.json.ClientID ?? null),
			['id-0', null, 'id-2'],
		);
		assert.equal(
			failureOf(result, 1).message,
			'ClientAdd answered the row of item 1 with something other than a result: "null"',
		);
		assert.match(failureOf(result, 1).description, MAY_HAVE_APPLIED);
	});

	test('ClientAdd answering fewer rows than were sent fails each item, saying the clients may exist', async () => {
		const server = await oneC.serve(addOk('only-one'));

		const result = await oneC.create(server, {}, [{}, {}], true);

		assert.equal(server.count, 1);
		assert.equal(result.items.length, 2);
		assert.match(failureOf(result, 1).message, /^ClientAdd answered 1 result rows for 2 rows sent/);
		assert.match(failureOf(result, 1).description, MAY_HAVE_APPLIED);
	});

	test('blank IDs are input errors before anything is sent; "." and ".." travel in the body, never the path', async () => {
		const server = await oneC.serve(replyXml(200, batchBody('ClientEdit', null, null)));

		const result = await oneC.run(
			server,
			{ resource: 'client', operation: 'update', clientID: '={{ $json.id }}' },
			[{ id: '' }, { id: ' ' }, { id: '.' }, { id: '..' }],
			true,
		);

		assert.equal(result.items.length, 4);
		for (const index of [0, 1]) {
			assert.equal(
				result.items[index].json.error,
				`ClientID is required for ClientEdit (item ${index})`,
			);
		}
		assert.deepEqual(
			result.items.slice(2).map((item) => item.json.ClientID),
			['.', '..'],
		);
		assert.equal(server.count, 1, 'the two good rows go in one call');
		assert.equal(server.requests[0].path, SERVICE_PATH);
		assert.equal(operationOf(server.requests[0].body), 'ClientEdit');
	});
});

describe('1C-Connect Trigger against a hostile server', () => {
	const oneC = useHostileOneC();
	const trigger = (server: Parameters<typeof oneC.credentialFor>[0], timeout?: number) =>
		oneC.harness.createPoller({
			type: 'oneCConnectTrigger',
			parameters: {
				event: 'client',
				options: { timeZone: 'UTC', ...(timeout ? { timeout } : {}) },
			},
			credentials: { oneCConnectApi: oneC.credentialFor(server) },
		});

	test('a poll against a dripping body ends within its Timeout option', async () => {
		const server = await oneC.serve(dripBody(200, { 'Content-Type': 'text/xml' }));
		const started = Date.now();

		const polled = await trigger(server, 1).poll();

		const elapsedMs = Date.now() - started;
		assert.ok(elapsedMs < 3_000 + SLACK_MS, `took ${elapsedMs} ms`);
		assert.match(String(polled.error?.message), /1C-Connect did not answer within 1 s/);
		assert.ok(server.count <= 3, `${server.count} requests`);
	});

	test('a poll answered with something other than a table fails, so the watermark stays', async () => {
		const notATable = resultEnvelope('ClientRead', '<Value xsi:type="xs:string">oops</Value>');
		const server = await oneC.serve(sequence(readOk, replyXml(200, notATable), readOk));
		const poller = trigger(server);

		assert.equal((await poller.poll()).error, undefined, 'the first poll sets the baseline');
		const before = JSON.stringify(poller.staticData);
		const failed = await poller.poll();

		assert.match(String(failed.error?.message), NOT_A_TABLE);
		assert.equal(JSON.stringify(poller.staticData), before);
		assert.equal(server.count, 2);
	});
});
