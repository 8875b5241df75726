import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useBitrix24 } from './bitrix24-fixture';
import { batchedCommands, byId, methodsCalled, workRunner } from './work-fixture';

describe('Bitrix24 Message and Chat', () => {
	const b24 = useBitrix24();
	const run = workRunner(b24);

	test('Send to 120 users goes in ⌈120/50⌉ = 3 batch requests, each item gets its message ID', async () => {
		const input = Array.from({ length: 120 }, (_, index) => ({ n: index }));
		const result = await run(
			'message',
			'send',
			{
				sendTo: 'user',
				userId: byId('15'),
				text: '={{ "Заказ " + $json.n }}',
			},
			input,
		);

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 120);
		assert.deepEqual(methodsCalled(b24), ['batch', 'batch', 'batch']);
		assert.equal(b24.simulator.portal.work.messages.length, 120);
		assert.equal(b24.simulator.portal.work.messages[119].text, 'Заказ 119');
		assert.equal(result.items[0].json.dialogId, '15');
		assert.equal(typeof result.items[0].json.messageId, 'number');
	});

	test('Send to a chat carries the attachment and keyboard as given, and a system flag', async () => {
		const result = await run('message', 'send', {
			sendTo: 'chat',
			chatId: { __rl: true, mode: 'url', value: 'https://x.bitrix24.ru/online/?IM_DIALOG=chat7' },
			text: 'Сделка выиграна',
			messageOptions: {
				attach: '[{"MESSAGE": "Сумма: 5000"}]',
				keyboard: '[{"TEXT": "Открыть", "LINK": "https://example.ru"}]',
				system: true,
			},
		});

		assert.equal(result.error, undefined);
		const [sent] = b24.simulator.portal.work.messages;
		assert.equal(sent.dialogId, 'chat7');
		// Inside a batch, a list reaches PHP as an array keyed 0, 1, …
		assert.deepEqual(Object.values(sent.attach as object), [{ MESSAGE: 'Сумма: 5000' }]);
		assert.deepEqual(Object.values(sent.keyboard as object), [
			{ TEXT: 'Открыть', LINK: 'https://example.ru' },
		]);
		assert.equal(sent.system, true);
		assert.deepEqual(batchedCommands(b24), ['im.message.add']);
	});

	test('an empty message or a bad chat ID fails its item before anything is sent', async () => {
		const empty = await run('message', 'send', { sendTo: 'user', userId: byId('15'), text: ' ' });
		const badChat = await run('message', 'send', {
			sendTo: 'chat',
			chatId: byId('sales'),
			text: 'x',
		});

		assert.match(String(empty.error?.message), /message in item 0 is empty/);
		assert.match(String(badChat.error?.message), /"Chat" in item 0 is not a chat ID/);
		assert.equal(b24.restCalls().length, 0);
	});

	test("Bitrix24's refusal (a chat that does not exist) fails that item only, with Continue On Fail", async () => {
		const result = await run(
			'message',
			'send',
			{ sendTo: 'chat', chatId: '={{ { __rl: true, mode: "id", value: $json.chat } }}', text: 'x' },
			[{ chat: 'chat7' }, { chat: 'chat999' }],
			{ continueOnFail: true },
		);

		assert.equal(typeof result.items[0].json.messageId, 'number');
		assert.match(String(result.items[1].json.error), /CHAT_ID|Error creating message/);
		assert.equal(methodsCalled(b24).length, 1);
	});

	test('Send Notification: personal and system go to their own methods, tag and email text kept', async () => {
		const result = await run(
			'message',
			'sendNotification',
			{
				userId: byId('27'),
				kind: '={{ $json.kind }}',
				text: 'Напоминание',
				notificationOptions: { tag: 'deal-5', clientId: 'n8n', messageOut: 'Письмо' },
			},
			[{ kind: 'personal' }, { kind: 'system' }],
		);

		assert.equal(result.error, undefined);
		assert.deepEqual(batchedCommands(b24), ['im.notify.personal.add', 'im.notify.system.add']);
		assert.equal(methodsCalled(b24).length, 1);
		const notes = b24.simulator.portal.work.notifications;
		// The same tag replaced the first one, as Bitrix24 does.
		assert.deepEqual(
			notes.map((note) => [note.kind, note.userId, note.tag]),
			[['system', 27, 'deal-5']],
		);
	});

	test('Chat Create makes a chat with the members, the first message and the title', async () => {
		const result = await run('chat', 'create', {
			title: 'Сделка 42',
			userIds: '15, 27',
			chatOptions: { message: 'Начинаем', description: 'Команда сделки' },
		});

		assert.equal(result.error, undefined);
		const chatId = Number(result.items[0].json.chatId);
		assert.equal(result.items[0].json.dialogId, `chat${chatId}`);
		const chat = b24.simulator.portal.work.chats.find((candidate) => candidate.id === chatId);
		assert.deepEqual(chat?.users, [1, 15, 27]);
		assert.equal(chat?.title, 'Сделка 42');
		assert.equal(b24.simulator.portal.work.messages[0].text, 'Начинаем');
	});
});
