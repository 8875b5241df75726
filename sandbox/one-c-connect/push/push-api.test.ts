import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';

import { ONE_C_DEMO_LOGIN, ONE_C_DEMO_PASSWORD } from '../demo-data';
import { createOneCConnectSimulator } from '../one-c-simulator';
import { PUSH_DEMO_CLIENTS, PUSH_DEMO_LINES, PUSH_DEMO_SPECIALISTS } from './push-demo-data';
import { MESSAGE_TYPE } from './push-events';

const BASIC = `Basic ${Buffer.from(`${ONE_C_DEMO_LOGIN}:${ONE_C_DEMO_PASSWORD}`).toString('base64')}`;
const SHAPES = JSON.parse(
	readFileSync(join(__dirname, 'fixtures', 'example-bot-shapes.json'), 'utf8'),
) as {
	requests: Record<string, { path: string; body: Record<string, unknown> }>;
	hookCall: Record<string, unknown>;
	messageTypes: Record<string, number>;
};
const LINE = PUSH_DEMO_LINES[0].line_id;
const CLIENT = PUSH_DEMO_CLIENTS[0];

interface Received {
	headers: Record<string, string | string[] | undefined>;
	body: Record<string, unknown>;
}

describe('1C-Connect push API simulator', () => {
	const simulator = createOneCConnectSimulator();
	const received: Received[] = [];
	const receiver = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({
				headers: request.headers,
				body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
			});
			response.end();
		});
	});
	let base: string;
	let hookUrl: string;
	const call = (method: string, path: string, body?: unknown, authorization = BASIC) =>
		fetch(`${base}/push${path}`, {
			method,
			headers: { authorization, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	const control = async (path: string, body?: unknown) => {
		const reply = await fetch(`${base}/__control/one-c-connect/push/${path}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return (await reply.json()) as Record<string, unknown> & Array<Record<string, unknown>>;
	};
	const waitForCalls = async (count: number) => {
		for (let tries = 0; received.length < count && tries < 200; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
		assert.equal(received.length, count);
	};

	before(async () => {
		base = await simulator.start();
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	});
	beforeEach(() => {
		simulator.reset();
		received.length = 0;
	});
	after(async () => {
		await simulator.stop();
		receiver.close();
	});

	test("takes every request shape of the vendor's example bot, each answered 200 with no body", async () => {
		for (const [name, { path, body }] of Object.entries(SHAPES.requests)) {
			if (name === 'sendFileMeta' || name === 'reroute') continue;
			const sent = name === 'setHook' ? { ...body, url: hookUrl } : body;
			const reply = await call('POST', path, sent);
			assert.equal(reply.status, 200, `${name}: ${await reply.clone().text()}`);
			assert.equal(await reply.text(), '', name);
		}
		const form = new FormData();
		form.append(
			'meta',
			new Blob([JSON.stringify(SHAPES.requests.sendFileMeta.body)], { type: 'application/json' }),
		);
		form.append('file', new Blob([Buffer.from('%PDF-1.4')]), 'memo.pdf');
		const file = await fetch(`${base}/push/v1/line/send/file/`, {
			method: 'POST',
			headers: { authorization: BASIC },
			body: form,
		});
		assert.equal(file.status, 200);
		const view = await control(`conversation?line_id=${LINE}&user_id=${CLIENT}`);
		const sent = view.sent as Array<Record<string, unknown>>;
		assert.deepEqual(sent[1].file, {
			file_name: 'Памятка сотрудника.pdf',
			size: 8,
			comment: 'Вот, пожалуйста.',
		});
	});

	test("the message types the simulator sends are the numbers of the vendor's bots", () => {
		for (const [name, type] of Object.entries(MESSAGE_TYPE)) {
			assert.equal(SHAPES.messageTypes[name], type, name);
		}
	});

	test("a client's first message opens a treatment and reaches the hook with back_auth, in the example bot's Message shape", async () => {
		const setHook = await call('POST', '/v1/hook/', {
			id: LINE,
			type: 'bot',
			url: hookUrl,
			back_auth: { type: 'bearer', token: 'secret-token' },
		});
		assert.equal(setHook.status, 200);
		const deliveries = (await control('client-message', {
			line_id: LINE,
			user_id: CLIENT,
			text: 'Здравствуйте',
		})) as unknown as Array<{ status: number }>;
		assert.deepEqual(
			deliveries.map((delivery) => delivery.status),
			[200, 200],
		);
		assert.equal(received.length, 2);
		assert.equal(received[0].headers.authorization, 'Bearer secret-token');
		assert.deepEqual(
			received.map((call) => call.body.message_type),
			[MESSAGE_TYPE.treatmentStartedByUser, MESSAGE_TYPE.text],
		);
		const message = received[1].body;
		assert.deepEqual(
			Object.keys(message).sort(),
			Object.keys(SHAPES.hookCall)
				.filter((key) => key !== 'data')
				.sort(),
		);
		assert.equal(message.text, 'Здравствуйте');
		assert.equal(message.author_id, CLIENT);
		const open = (await (await call('GET', `/v1/line/treatment/?line_id=${LINE}`)).json()) as Array<
			Record<string, unknown>
		>;
		assert.equal(open.length, 1);
		assert.equal(open[0].user_id, CLIENT);
		assert.equal(open[0].current_specialist, null);
	});

	test('a pressed button arrives as its text; a button the client does not see is refused', async () => {
		await call('POST', '/v1/hook/', { id: LINE, type: 'line', url: hookUrl });
		await call('POST', '/v1/line/send/message/', SHAPES.requests.sendMessage.body);
		await control('press-button', { line_id: LINE, user_id: CLIENT, id: '0' });
		assert.equal(received.at(-1)?.body.text, 'Перевести на специалиста');
		const missing = await control('press-button', { line_id: LINE, user_id: CLIENT, id: '7' });
		assert.equal(missing.error, 'bad_request');
		await call('POST', '/v1/line/drop/keyboard/', SHAPES.requests.dropKeyboard.body);
		const gone = await control('press-button', { line_id: LINE, user_id: CLIENT, id: '0' });
		assert.equal(gone.error, 'bad_request');
	});

	test('hand-over to a specialist and close reach the hook as message types 81 and 82', async () => {
		await call('POST', '/v1/hook/', { type: 'line', url: hookUrl });
		await control('client-message', { line_id: LINE, user_id: CLIENT, text: 'Нужен человек' });
		assert.equal(
			(await call('POST', '/v1/line/appoint/spec/', SHAPES.requests.appointSpec.body)).status,
			200,
		);
		await waitForCalls(3);
		assert.equal(received[2].body.message_type, MESSAGE_TYPE.treatmentStartedBySpecialist);
		assert.equal(received[2].body.author_id, PUSH_DEMO_SPECIALISTS[0]);
		assert.equal(
			(await call('POST', '/v1/line/drop/treatment/', SHAPES.requests.dropTreatment.body)).status,
			200,
		);
		await waitForCalls(4);
		assert.equal(received[3].body.message_type, MESSAGE_TYPE.treatmentClosed);
		const again = await call(
			'POST',
			'/v1/line/drop/treatment/',
			SHAPES.requests.dropTreatment.body,
		);
		assert.equal(again.status, 400);
	});

	test('a move to another line ends the treatment here, opens one there, and both lines hear type 89', async () => {
		await call('POST', '/v1/hook/', { type: 'line', url: hookUrl });
		await control('client-message', { line_id: LINE, user_id: CLIENT, text: 'Мне в бухгалтерию' });
		const [from] = (await (
			await call('GET', `/v1/line/treatment/?user_id=${CLIENT}`)
		).json()) as Array<Record<string, unknown>>;
		const reroute = SHAPES.requests.reroute;
		assert.equal((await call('POST', reroute.path, reroute.body)).status, 200);
		await waitForCalls(4);
		const moves = received.slice(2).map((hookCall) => hookCall.body);
		const here = moves.find((body) => body.line_id === LINE)!;
		const there = moves.find((body) => body.line_id === reroute.body.to_line_id)!;
		assert.equal(here.message_type, MESSAGE_TYPE.reroutedToOtherLine);
		assert.equal(there.message_type, MESSAGE_TYPE.reroutedToOtherLine);
		const [to] = (await (
			await call('GET', `/v1/line/treatment/?user_id=${CLIENT}`)
		).json()) as Array<Record<string, unknown>>;
		assert.equal(to.line_id, reroute.body.to_line_id);
		assert.deepEqual(here.data, {
			direction: 'to',
			line_id: reroute.body.to_line_id,
			treatment_id: to.treatment_id,
		});
		assert.deepEqual(there.data, {
			direction: 'from',
			line_id: LINE,
			treatment_id: from.treatment_id,
		});
		assert.equal(there.text, reroute.body.quote);
		assert.equal((await call('POST', reroute.path, reroute.body)).status, 400, 'nothing left');
		const back = { ...reroute.body, line_id: reroute.body.to_line_id };
		assert.equal((await call('POST', reroute.path, back)).status, 400, 'its own line');
		const nowhere = { ...back, to_line_id: '00000000-0000-4000-8000-000000000000' };
		assert.equal((await call('POST', reroute.path, nowhere)).status, 403);
	});

	test('refuses a wrong login (401), a bad keyboard (400), an unknown line (403), a bot on a line without bots (403)', async () => {
		const body = SHAPES.requests.sendMessage.body;
		assert.equal((await call('POST', '/v1/line/send/message/', body, 'Basic eDp5')).status, 401);
		assert.equal(
			(await call('POST', '/v1/line/send/message/', { ...body, keyboard: [{ text: 'x' }] })).status,
			400,
		);
		const unknownLine = { ...body, line_id: '00000000-0000-4000-8000-000000000000' };
		assert.equal((await call('POST', '/v1/line/send/message/', unknownLine)).status, 403);
		const noBots = PUSH_DEMO_LINES.find((line) => !line.allow_bot)!.line_id;
		assert.equal(
			(await call('POST', '/v1/hook/', { id: noBots, type: 'bot', url: hookUrl })).status,
			403,
		);
		assert.equal((await call('POST', '/v1/hook/', { type: 'bot', url: hookUrl })).status, 400);
	});

	test('lists lines with their hooks; DelHook removes one, DelAllHook all but the bots', async () => {
		await call('POST', '/v1/hook/', { id: LINE, type: 'bot', url: hookUrl });
		await call('POST', '/v1/hook/', { type: 'line', url: `${hookUrl}/all` });
		let lines = (await (await call('GET', '/v1/line/')).json()) as Array<Record<string, unknown>>;
		const first = lines.find((line) => line.line_id === LINE)!;
		assert.deepEqual(Object.keys(first).sort(), [
			'allow_bot',
			'hook_bot',
			'hook_line',
			'line_id',
			'name',
		]);
		assert.equal(first.hook_bot, hookUrl);
		assert.equal(first.hook_line, `${hookUrl}/all`);
		assert.equal((await call('DELETE', '/v1/hook/')).status, 200);
		assert.equal((await call('DELETE', `/v1/hook/bot/${LINE}/`)).status, 200);
		lines = (await (await call('GET', '/v1/line/')).json()) as Array<Record<string, unknown>>;
		assert.equal(lines.find((line) => line.line_id === LINE)!.hook_bot, null);
		assert.equal(lines.find((line) => line.line_id === LINE)!.hook_line, null);
	});
});
