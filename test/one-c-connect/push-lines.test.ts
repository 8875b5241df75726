import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import {
	PUSH_DEMO_CLIENTS,
	PUSH_DEMO_LINES,
	PUSH_DEMO_SPECIALISTS,
} from '../../sandbox/one-c-connect/push/push-demo-data';
import type { Conversation } from '../../sandbox/one-c-connect/push/push-api';
import { useOneC } from './one-c-fixture';

const SHAPES = JSON.parse(
	readFileSync(
		join(__dirname, '../../sandbox/one-c-connect/push/fixtures/example-bot-shapes.json'),
		'utf8',
	),
) as { requests: Record<string, { path: string; body: Record<string, unknown> }> };

const LINE = PUSH_DEMO_LINES[0].line_id;
const CLIENT = PUSH_DEMO_CLIENTS[0];
const SPECIALIST = PUSH_DEMO_SPECIALISTS[0];
const conversation = { lineId: { __rl: true, mode: 'id', value: LINE }, userId: CLIENT };

describe('1C-Connect push API: Line, Line Message and Treatment', () => {
	const oneC = useOneC();
	const pushRequests = (path: string) =>
		oneC.simulator.requests.filter((request) => request.path === `/push${path}`);
	const conversationOf = (line: string, user: string): Conversation | undefined =>
		oneC.simulator.push.conversations.get(`${line}|${user}`);
	/** The keys a request body has that the example bot's Go struct has no JSON tag for. */
	const unknownKeys = (body: Record<string, unknown>, shape: string) =>
		Object.keys(body).filter((key) => !(key in SHAPES.requests[shape].body));

	test('Send Text with buttons: the client sees the keyboard in rows, the body has only the example bot’s fields', async () => {
		const result = await oneC.run('lineMessage', 'sendText', {
			...conversation,
			text: 'Чем помочь?',
			authorId: SPECIALIST,
			keyboardInput: 'buttons',
			buttons: {
				button: [
					{ text: 'Счёт', id: 'bill', row: 1 },
					{ text: 'Акт', id: 'act', row: 1 },
					{ text: 'Позвать специалиста', row: 2 },
				],
			},
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(result.items[0].json, { success: true, lineId: LINE, userId: CLIENT });
		assert.deepEqual(conversationOf(LINE, CLIENT)?.keyboard, [
			[
				{ id: 'bill', text: 'Счёт' },
				{ id: 'act', text: 'Акт' },
			],
			[{ text: 'Позвать специалиста' }],
		]);
		const sent = JSON.parse(pushRequests('/v1/line/send/message/')[0].body) as Record<
			string,
			unknown
		>;
		assert.deepEqual(unknownKeys(sent, 'sendMessage'), []);
		assert.equal(sent.author_id, SPECIALIST);
	});

	test('Send File: the file and its meta go as multipart, the meta has only the example bot’s fields', async () => {
		const result = await oneC.harness.runNodeOnItems(
			{
				type: 'oneCConnect',
				parameters: {
					resource: 'lineMessage',
					operation: 'sendFile',
					...conversation,
					comment: 'Ваш счёт',
				},
				credentials: { oneCConnectApi: oneC.credentialId },
			},
			[
				{
					json: {},
					binary: {
						data: {
							data: Buffer.from('%PDF-1.4 счёт').toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'invoice.pdf',
						},
					},
				},
			],
		);
		assert.equal(result.error, undefined, result.error?.message);
		const file = conversationOf(LINE, CLIENT)?.sent[0].file;
		assert.deepEqual(file, {
			file_name: 'invoice.pdf',
			size: Buffer.byteLength('%PDF-1.4 счёт'),
			comment: 'Ваш счёт',
		});
		const body = pushRequests('/v1/line/send/file/')[0].body;
		const meta = JSON.parse(/name="meta"[^{]*(\{.*?\})\r\n/s.exec(body)![1]) as Record<
			string,
			unknown
		>;
		assert.deepEqual(unknownKeys(meta, 'sendFileMeta'), []);
	});

	test('a keyboard without a button text, or an ID that is no UUID, is the item’s error and nothing is sent', async () => {
		const badKeyboard = await oneC.run('lineMessage', 'sendText', {
			...conversation,
			text: 'x',
			keyboardInput: 'json',
			keyboardJson: '[[{"id": "1"}]]',
		});
		assert.match(
			String(badKeyboard.error?.message),
			/keyboard of item 0 has a button without a text/,
		);
		const badUser = await oneC.run('lineMessage', 'sendText', {
			...conversation,
			userId: 'ivanov',
			text: 'x',
		});
		assert.match(String(badUser.error?.message), /Client User ID "ivanov" is not a 1C-Connect ID/);
		assert.equal(pushRequests('/v1/line/send/message/').length, 0);
	});

	test('a send is not repeated after a dropped connection or a 502: it may have been delivered', async () => {
		for (const fault of [{ reset: true }, { status: 502 }]) {
			oneC.simulator.clearRequests();
			oneC.simulator.injectFault({ ...fault, match: { path: '/push/v1/line/send/message/' } });
			const result = await oneC.run('lineMessage', 'sendText', {
				...conversation,
				text: 'Один раз',
			});
			assert.match(String(result.error?.description), /may have made this change/);
			assert.equal(pushRequests('/v1/line/send/message/').length, 1);
		}
	});

	test('a line the login may not use is a clear 403 error', async () => {
		const result = await oneC.run('lineMessage', 'sendText', {
			lineId: { __rl: true, mode: 'id', value: '00000000-0000-4000-8000-000000000000' },
			userId: CLIENT,
			text: 'x',
		});
		assert.match(String(result.error?.message), /may not do Send Text here \(403\)/);
	});

	test('50 conversations are answered side by side, each conversation’s messages in input order', async () => {
		const clients = Array.from(
			{ length: 50 },
			(_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
		);
		// They have written in the line, so they receive support there.
		for (const client of clients) {
			await oneC.simulator.push.clientWrites({ line_id: LINE, user_id: client, text: 'Привет' });
		}
		oneC.simulator.clearRequests();
		oneC.simulator.injectFault({ latencyMs: 30, ratio: 1, match: { path: '/push/*' } });
		const input = [1, 2, 3].flatMap((step) =>
			clients.map((client) => ({ client, text: `step ${step}` })),
		);
		const result = await oneC.run(
			'lineMessage',
			'sendText',
			{
				lineId: { __rl: true, mode: 'id', value: LINE },
				userId: '={{ $json.client }}',
				text: '={{ $json.text }}',
				options: { maxParallelRequests: 10 },
			},
			input,
			true,
		);
		oneC.simulator.clearFaults();
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 150);
		assert.ok(result.items.every((item) => item.json.success === true));
		for (const client of clients) {
			assert.deepEqual(
				conversationOf(LINE, client)?.sent.map((message) => message.text),
				['step 1', 'step 2', 'step 3'],
			);
		}
		assert.ok(oneC.simulator.maxConcurrentRequests > 1, 'conversations ran side by side');
		assert.ok(oneC.simulator.maxConcurrentRequests <= 10, 'at most Max Parallel Requests at once');
	});

	test('Line Get Many lists the lines; Treatment hands over, lists and closes', async () => {
		const lines = await oneC.run('line', 'getMany', { returnAll: true });
		assert.deepEqual(
			lines.items.map((item) => item.json.line_id),
			PUSH_DEMO_LINES.map((line) => line.line_id),
		);
		assert.equal(
			(
				await oneC.run('treatment', 'handOverToSpecialist', {
					...conversation,
					specialistId: SPECIALIST,
				})
			).error,
			undefined,
		);
		const open = await oneC.run('treatment', 'getMany', { ...conversation, returnAll: true });
		assert.equal(open.items.length, 1);
		assert.equal(open.items[0].json.current_specialist, SPECIALIST);
		const appoint = JSON.parse(pushRequests('/v1/line/appoint/spec/')[0].body) as Record<
			string,
			unknown
		>;
		assert.deepEqual(unknownKeys(appoint, 'appointSpec'), []);
		assert.equal(
			(
				await oneC.run('treatment', 'handOverToSpecialist', {
					...conversation,
					specialistId: SPECIALIST,
					authorId: PUSH_DEMO_SPECIALISTS[1],
				})
			).error,
			undefined,
		);
		const asSpecialist = JSON.parse(pushRequests('/v1/line/appoint/spec/')[1].body) as Record<
			string,
			unknown
		>;
		assert.deepEqual(asSpecialist, SHAPES.requests.appointSpecAsSpecialist.body);
		const closed = await oneC.run('treatment', 'close', conversation);
		assert.deepEqual(closed.items[0].json, {
			success: true,
			lineId: LINE,
			userId: CLIENT,
			closed: true,
		});
		const none = await oneC.run('treatment', 'getMany', { ...conversation, returnAll: true });
		assert.equal(none.items.length, 0);
		const again = await oneC.run('treatment', 'close', conversation);
		assert.match(
			String(again.error?.message),
			/refused Close: the request contains an error \(400\)/,
		);
	});

	test('Transfer to Another Line sends the text bot’s reroute shape; the treatment opens in the other line', async () => {
		const reroute = SHAPES.requests.reroute.body;
		const toLine = { __rl: true as const, mode: 'list', value: String(reroute.to_line_id) };
		await oneC.simulator.push.clientWrites({ line_id: LINE, user_id: CLIENT, text: 'Счёт' });
		const moved = await oneC.run('treatment', 'transferToLine', {
			...conversation,
			toLineId: toLine,
			quote: `  ${String(reroute.quote)} `,
		});
		assert.equal(moved.error, undefined, moved.error?.message);
		assert.deepEqual(moved.items[0].json, {
			success: true,
			lineId: LINE,
			userId: CLIENT,
			toLineId: reroute.to_line_id,
		});
		const sent = JSON.parse(pushRequests('/v1/line/reroute/')[0].body) as Record<string, unknown>;
		assert.deepEqual(sent, reroute);
		const open = await oneC.run('treatment', 'getMany', {
			lineId: toLine,
			userId: CLIENT,
			returnAll: true,
		});
		assert.equal(open.items.length, 1);
		const same = await oneC.run('treatment', 'transferToLine', {
			...conversation,
			toLineId: conversation.lineId,
		});
		assert.match(String(same.error?.message), /To Line is the line the treatment is already in/);
		assert.equal(pushRequests('/v1/line/reroute/').length, 1, 'nothing sent for the same line');
		const none = await oneC.run('treatment', 'transferToLine', {
			...conversation,
			toLineId: toLine,
		});
		assert.match(String(none.error?.message), /the request contains an error \(400\)/);
	});

	test('the Line picker lists the lines the login may use, searched by name', async () => {
		const found = await oneC.harness.listSearch(
			{
				type: 'oneCConnect',
				parameters: { resource: 'lineMessage', operation: 'sendText' },
				credentials: { oneCConnectApi: oneC.credentialId },
			},
			'searchPushLines',
			'бух',
		);
		assert.deepEqual(found.results, [{ name: 'Бухгалтерия', value: PUSH_DEMO_LINES[1].line_id }]);
	});
});
