import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { N8nHarness } from '../harness/n8n-harness';
import type { Behaviour, HostileServer } from '../support/hostile-server';
import {
	bigBody,
	dripBody,
	redirect,
	resetMidBody,
	respond,
	respondJson,
	startHostileServer,
} from '../support/hostile-server';
import { LOGIN, PASSWORD, SLACK_MS } from './hostile-fixture';

const LINE = '5f0ddfd1-6d9c-4e25-9bca-c7ff0fd83c44';
const CLIENT = 'df4cca69-ce40-472e-9083-af9b279c72cc';
const MAY_HAVE_APPLIED = /1C-Connect may have made this change before the failure/;
const conversation = { lineId: { __rl: true, mode: 'id', value: LINE }, userId: CLIENT };

describe('1C-Connect push API against a hostile server: sends go once, reads are repeated', () => {
	const harness = new N8nHarness();
	const servers: HostileServer[] = [];
	afterEach(async () => {
		await Promise.all(servers.splice(0).map(async (server) => await server.close()));
	});
	const serve = async (behaviour: Behaviour) => {
		const server = await startHostileServer(behaviour);
		servers.push(server);
		return server;
	};
	const run = async (
		server: HostileServer,
		parameters: INodeParameters,
		input: IDataObject[] = [{}],
	) =>
		await harness.runNode(
			{
				type: 'oneCConnect',
				parameters,
				credentials: {
					oneCConnectApi: harness.addCredential('oneCConnectApi', {
						region: 'custom',
						customUrl: `${server.url}/cus/ws/PartnerWebAPI2`,
						pushUrl: `${server.url}/push`,
						login: LOGIN,
						password: PASSWORD,
					}),
				},
			},
			input,
		);
	const sendText = (server: HostileServer, options: INodeParameters = {}) =>
		run(server, {
			resource: 'lineMessage',
			operation: 'sendText',
			...conversation,
			text: 'Здравствуйте',
			options,
		});
	const getLines = (server: HostileServer, options: INodeParameters = {}) =>
		run(server, { resource: 'line', operation: 'getMany', returnAll: true, options });

	test('Send Text cut off in the middle of the reply is sent once; the error says it may have been delivered', async () => {
		const server = await serve(resetMidBody(200, '{"'));
		const result = await sendText(server);
		assert.equal(server.count, 1);
		assert.equal(server.requests[0].path, '/push/v1/line/send/message/');
		assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
	});

	test('Send Text answered 502 by a gateway is sent once; Get Many is sent again', async () => {
		const gateway = await serve(
			respond(502, '<html>Bad Gateway</html>', { 'Content-Type': 'text/html' }),
		);
		const send = await sendText(gateway);
		assert.equal(gateway.count, 1);
		assert.match(String(send.error?.message), /answered Send Text with an error \(502\)/);
		assert.match(String(send.error?.description), MAY_HAVE_APPLIED);

		let calls = 0;
		const flaky = await serve((socket, request, index) => {
			calls++;
			return (
				index === 0
					? respond(502, 'Bad Gateway')
					: respondJson(200, [{ line_id: LINE, name: 'Техподдержка', allow_bot: true }])
			)(socket, request, index);
		});
		const lines = await getLines(flaky);
		assert.equal(lines.error, undefined, lines.error?.message);
		assert.equal(calls, 2);
		assert.equal(lines.items[0].json.name, 'Техподдержка');
	});

	test('a reply dripping a byte a second fails Send Text within its Timeout, sent once', async () => {
		const server = await serve(dripBody());
		const started = Date.now();
		const result = await sendText(server, { timeout: 2 });
		assert.equal(server.count, 1);
		assert.ok(result.error, 'the item fails');
		assert.ok(Date.now() - started < 2_000 + SLACK_MS);
	});

	test('a Get Many reply larger than 8 MB is stopped with an error naming the limit', async () => {
		const server = await serve(bigBody(200, 20 * 1024 * 1024, { prefix: '[', pattern: ' ' }));
		const result = await getLines(server);
		assert.match(String(result.error?.message), /larger than 8 MB/);
	});

	test('a redirect to another server is not followed: the other server gets no login', async () => {
		const elsewhere = await serve(respond(200, ''));
		const server = await serve(redirect(307, `${elsewhere.url}/push/v1/line/send/message/`));
		const result = await sendText(server);
		assert.ok(result.error);
		assert.equal(elsewhere.count, 0);
	});

	test('a 400 echoing the Authorization header shows no form of the password', async () => {
		const server = await serve((socket, request, index) =>
			respond(400, `bad request; you sent ${String(request.headers.authorization)} ${PASSWORD}`)(
				socket,
				request,
				index,
			),
		);
		const result = await sendText(server);
		const shown = `${result.error?.message} ${result.error?.description}`;
		assert.match(shown, /refused Send Text: the request contains an error \(400\)/);
		assert.doesNotMatch(shown, new RegExp(Buffer.from(`${LOGIN}:${PASSWORD}`).toString('base64')));
		assert.ok(!shown.includes(PASSWORD));
	});
});
