import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	bigBody,
	dripBody,
	dripHeaders,
	redirect,
	resetAfterRequest,
	resetMidBody,
	respond,
	sequence,
} from '../support/hostile-server';
import { testCredentialAsN8nDoes } from './credential-tester';
import {
	BASIC,
	LOGIN,
	PASSWORD,
	SERVICE_PATH,
	SLACK_MS,
	addOk,
	failureOf,
	operationOf,
	readOk,
	replyXml,
	resultEnvelope,
	soapFaultBody,
	useHostileOneC,
} from './hostile-fixture';

const MAY_HAVE_APPLIED = /1C-Connect may have made this change before the failure/;
const GATEWAY_PAGE = '<html><head><title>Bad Gateway</title></head><body>nginx</body></html>';
const html = { 'Content-Type': 'text/html' };
const FIRST_PARTIAL = '<?xml version="1.0" encoding="UTF-8"?><soap:Envelope';

describe('1C-Connect against a hostile server: writes are sent once, reads are repeated', () => {
	const oneC = useHostileOneC();

	for (const status of [502, 504]) {
		test(`ClientAdd answered ${status} by a gateway is sent once; the error says it may have been applied`, async () => {
			const server = await oneC.serve(respond(status, GATEWAY_PAGE, html));

			const result = await oneC.create(server);

			assert.equal(server.count, 1);
			assert.equal(operationOf(server.requests[0].body), 'ClientAdd');
			assert.match(
				String(result.error?.message),
				new RegExp(`answered with an error \\(${status}\\)`),
			);
			assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
		});
	}

	test('ClientAdd answered 500 with a server SOAP Fault is sent once and may have been applied', async () => {
		const server = await oneC.serve(
			replyXml(500, soapFaultBody('soap:Server', 'Ошибка при вызове метода контекста')),
		);

		const result = await oneC.create(server, {}, [{}, {}], true);

		assert.equal(server.count, 1);
		assert.equal(result.items.length, 2, 'N items in, N items out');
		for (const index of [0, 1]) {
			assert.match(failureOf(result, index).message, /could not run ClientAdd: Ошибка/);
			assert.match(failureOf(result, index).description, MAY_HAVE_APPLIED);
		}
	});

	test('a Client SOAP Fault (the message was refused) is sent once and says nothing was applied', async () => {
		const server = await oneC.serve(
			replyXml(500, soapFaultBody('soap:Client', 'Неверный формат параметра Params')),
		);

		const result = await oneC.create(server);

		assert.equal(server.count, 1);
		assert.match(String(result.error?.message), /could not run ClientAdd: Неверный формат/);
		assert.doesNotMatch(String(result.error?.description), MAY_HAVE_APPLIED);
	});

	test('OUT_OF_LIMIT on ClientAdd (1C-Connect has no other refusal) is not sent again', async () => {
		const server = await oneC.serve(
			replyXml(
				200,
				resultEnvelope(
					'ClientAdd',
					'<Value xsi:type="xs:string">limit reached</Value>',
					'OUT_OF_LIMIT',
				),
			),
		);

		const result = await oneC.create(server);

		assert.equal(server.count, 1);
		assert.equal(result.error?.message, 'ClientAdd failed: OUT_OF_LIMIT: limit reached');
		assert.match(String(result.error?.description), /hourly limit of ClientAdd calls/);
		assert.doesNotMatch(String(result.error?.description), MAY_HAVE_APPLIED);
	});

	test('ClientRead answered 502 is sent again and succeeds', async () => {
		const server = await oneC.serve(sequence(respond(502, GATEWAY_PAGE, html), readOk));

		const result = await oneC.read(server);

		assert.equal(result.error, undefined);
		assert.equal(server.count, 2);
		assert.deepEqual(
			result.items.map((item) => item.json.Name),
			['ООО «Ромашка»'],
		);
	});

	test('a reset after the request: ClientRead is sent again, ClientAdd is not', async () => {
		const reads = await oneC.serve(sequence(resetAfterRequest(), readOk));
		const read = await oneC.read(reads);
		assert.equal(read.error, undefined);
		assert.equal(reads.count, 2);

		const writes = await oneC.serve(resetAfterRequest());
		const write = await oneC.create(writes);
		assert.equal(writes.count, 1);
		assert.match(String(write.error?.message), /^Could not reach 1C-Connect/);
		assert.match(String(write.error?.description), MAY_HAVE_APPLIED);
	});

	test('a reset in the middle of the body: ClientRead is sent again, ClientAdd is not', async () => {
		const reads = await oneC.serve(sequence(resetMidBody(200, FIRST_PARTIAL), readOk));
		const read = await oneC.read(reads);
		assert.equal(read.error, undefined);
		assert.equal(reads.count, 2);

		const writes = await oneC.serve(resetMidBody(200, FIRST_PARTIAL));
		const write = await oneC.create(writes);
		assert.equal(writes.count, 1);
		assert.match(String(write.error?.description), MAY_HAVE_APPLIED);
	});

	test('a reset in the middle of a body sent without a length says the connection was cut, not that the XML is invalid', async () => {
		const cut = resetMidBody(200, FIRST_PARTIAL, true);
		const reads = await oneC.serve(sequence(cut, readOk));
		const read = await oneC.read(reads);
		assert.equal(read.error, undefined);
		assert.equal(reads.count, 2);

		const writes = await oneC.serve(cut);
		const write = await oneC.create(writes);
		assert.equal(writes.count, 1);
		assert.equal(
			write.error?.message,
			'Could not reach 1C-Connect: The connection was cut in the middle of the reply',
		);
		assert.match(String(write.error?.description), MAY_HAVE_APPLIED);
	});
});

describe('1C-Connect against a hostile server: deadlines and the reply cap', () => {
	const oneC = useHostileOneC();
	const TIMEOUT_S = 1;
	const bound = TIMEOUT_S * 3_000 + SLACK_MS;

	test('a body dripping a byte a second fails ClientAdd within its Timeout, sent once', async () => {
		const server = await oneC.serve(dripBody(200, { 'Content-Type': 'text/xml' }));

		const result = await oneC.create(server, { timeout: TIMEOUT_S });

		assert.equal(server.count, 1);
		assert.ok(result.elapsedMs < bound, `took ${result.elapsedMs} ms`);
		assert.match(String(result.error?.message), /1C-Connect did not answer within 1 s/);
		assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
		assert.match(String(result.error?.description), /raise "Timeout \(Seconds\)"/);
	});

	test('a dripping body fails ClientRead within its Timeout after a bounded number of tries', async () => {
		const server = await oneC.serve(dripBody(200, { 'Content-Type': 'text/xml' }));

		const result = await oneC.read(server, { timeout: TIMEOUT_S });

		assert.ok(server.count >= 1 && server.count <= 3, `${server.count} requests`);
		assert.ok(result.elapsedMs < bound, `took ${result.elapsedMs} ms`);
		assert.match(String(result.error?.message), /1C-Connect did not answer within 1 s/);
	});

	test('headers dripping a byte a second fail ClientAdd (sent once) and ClientRead in time', async () => {
		const writes = await oneC.serve(dripHeaders());
		const write = await oneC.create(writes, { timeout: TIMEOUT_S });
		assert.equal(writes.count, 1);
		assert.ok(write.elapsedMs < bound, `took ${write.elapsedMs} ms`);
		assert.match(String(write.error?.description), MAY_HAVE_APPLIED);

		const reads = await oneC.serve(dripHeaders());
		const read = await oneC.read(reads, { timeout: TIMEOUT_S });
		assert.ok(reads.count <= 3, `${reads.count} requests`);
		assert.ok(read.elapsedMs < bound, `took ${read.elapsedMs} ms`);
		assert.match(String(read.error?.message), /did not answer within 1 s/);
	});

	test('a body that never ends is cut at 64 MB with an error naming the limit, and the run ends', async () => {
		const [opening] = resultEnvelope('ClientRead', '@').split('@');
		const server = await oneC.serve(
			bigBody(200, 200 * 1024 * 1024, {
				prefix: `${opening}<Value xsi:type="xs:string">`,
				headers: { 'Content-Type': 'text/xml' },
			}),
		);

		const result = await oneC.read(server);

		assert.equal(server.count, 1, 'a reply too large is not asked for again');
		assert.equal(
			result.error?.message,
			'1C-Connect sent a reply larger than 64 MB; n8n stopped reading it',
		);
		assert.match(String(result.error?.description), /Replies larger than 64 MB are not read/);
	});
});

describe('1C-Connect against a hostile server: redirects and secrets', () => {
	const oneC = useHostileOneC();

	for (const status of [302, 307]) {
		test(`a ${status} to another server is not followed, by ClientAdd or ClientRead; the other server gets nothing`, async () => {
			const elsewhere = await oneC.serve(readOk);
			const server = await oneC.serve(redirect(status, `${elsewhere.url}${SERVICE_PATH}`));

			const write = await oneC.create(server);
			const read = await oneC.read(server);

			for (const result of [write, read]) {
				assert.match(
					String(result.error?.message),
					new RegExp(`redirected the request to ${elsewhere.url}.*it was not followed`),
				);
			}
			assert.equal(server.count, 2);
			assert.equal(elsewhere.count, 0);
		});
	}

	test('a 307 on the same server is followed by ClientAdd and ClientRead', async () => {
		const server = await oneC.serve(
			sequence(
				redirect(307, '/cus/ws/moved'),
				addOk('new-client-id'),
				redirect(307, '/cus/ws/moved'),
				readOk,
			),
		);

		const write = await oneC.create(server);
		const read = await oneC.read(server);

		assert.equal(write.error, undefined);
		assert.equal(write.items[0].json.ClientID, 'new-client-id');
		assert.equal(read.error, undefined);
		assert.deepEqual(
			server.requests.map((request) => [request.path, operationOf(request.body)]),
			[
				[SERVICE_PATH, 'ClientAdd'],
				['/cus/ws/moved', 'ClientAdd'],
				[SERVICE_PATH, 'ClientRead'],
				['/cus/ws/moved', 'ClientRead'],
			],
		);
	});

	test('the credential test does not follow a redirect to another server', async () => {
		const elsewhere = await oneC.serve(readOk);
		const server = await oneC.serve(redirect(307, `${elsewhere.url}${SERVICE_PATH}`));

		const result = await testCredentialAsN8nDoes('oneCConnectApi', {
			region: 'custom',
			customUrl: `${server.url}${SERVICE_PATH}`,
			pushUrl: `${server.url}/push`,
			login: LOGIN,
			password: PASSWORD,
		});

		assert.equal(result.status, 'Error');
		assert.match(result.message, /^PartnerWebAPI2 \(.+\) redirected the test elsewhere \(307\)/);
		assert.match(result.message, /the push API \(.+\) redirected the test elsewhere \(307\)/);
		assert.equal(server.count, 2, 'one read of each API');
		assert.equal(elsewhere.count, 0);
	});

	test('a 500 echoing the request headers and the password shows no form of the password', async () => {
		const forms = [
			PASSWORD,
			BASIC,
			encodeURIComponent(PASSWORD),
			encodeURIComponent(PASSWORD).replace(/%20/g, '+'),
		];
		const echo = (raw: string) =>
			`${raw.replace(/\r\n/g, '\n').split('\n\n')[0]}\npassword=${PASSWORD} url=${encodeURIComponent(PASSWORD)}`;
		const xmlText = (value: string) =>
			value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
		const server = await oneC.serve((socket, request, index) => {
			const authorization = `Authorization: ${request.headers.authorization}`;
			const reply =
				index % 2 === 0
					? respond(500, `${authorization}\n${echo(request.raw)}`, { 'Content-Type': 'text/plain' })
					: replyXml(
							500,
							soapFaultBody('soap:Server', xmlText(`${authorization} ${echo(request.raw)}`)),
						);
			return reply(socket, request, index);
		});

		const results = [
			await oneC.create(server, {}, [{}], true),
			await oneC.create(server, {}, [{}], true),
			await oneC.read(server),
			await oneC.read(server),
		];

		assert.equal(server.requests[0].headers.authorization, `Basic ${BASIC}`);
		for (const result of results) {
			const { message, description } = failureOf(result);
			assert.match(message, /\[redacted\]/);
			for (const form of forms) {
				for (const text of [message, description, JSON.stringify(result)]) {
					assert.ok(!text.includes(form), `"${form}" leaked`);
				}
			}
		}
	});
});
