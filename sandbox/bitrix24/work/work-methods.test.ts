import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { BITRIX24_DEMO_WEBHOOK_CODE, createBitrix24Simulator } from '../index';

interface Loose {
	[key: string]: Loose;
}

describe('Bitrix24 simulator: chats, Drive, task work and telephony as the REST docs answer', () => {
	const simulator = createBitrix24Simulator({ limit: { perSecond: 100, burst: 500 } });
	let origin: string;
	let rest: string;
	before(async () => {
		origin = await simulator.start();
		rest = `${origin}/rest/1/${BITRIX24_DEMO_WEBHOOK_CODE}`;
	});
	beforeEach(() => simulator.reset());
	after(async () => await simulator.stop());

	const call = async (method: string, body: unknown, base = rest) => {
		const reply = await fetch(`${base}/${method}.json`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: reply.status, body: (await reply.json()) as Loose };
	};

	test('im.message.add: MESSAGE_EMPTY without text or attachment, CHAT_ID for an unknown chat, an ID otherwise', async () => {
		const empty = await call('im.message.add', { DIALOG_ID: 'chat7', MESSAGE: '' });
		const noChat = await call('im.message.add', { DIALOG_ID: 'chat999', MESSAGE: 'x' });
		const sent = await call('im.message.add', { DIALOG_ID: '15', MESSAGE: 'Привет' });

		assert.deepEqual([empty.status, empty.body.error], [400, 'MESSAGE_EMPTY']);
		assert.deepEqual([noChat.status, noChat.body.error], [400, 'CHAT_ID']);
		assert.equal(typeof sent.body.result, 'number');
	});

	test('disk: upload takes [name, Base64]; the download link gives the bytes; a forged token is refused', async () => {
		const bytes = Buffer.from('%PDF-1.4 test');
		const uploaded = await call('disk.folder.uploadfile', {
			id: 21,
			data: { NAME: 'a.pdf' },
			fileContent: ['a.pdf', bytes.toString('base64')],
		});
		const link = String(uploaded.body.result.DOWNLOAD_URL);
		const file = await fetch(link);
		const forged = await fetch(link.replace(/token=[^&]+/, 'token=disk%7C1%7Cx'));

		assert.equal(uploaded.body.result.SIZE, String(bytes.length));
		assert.ok(Buffer.from(await file.arrayBuffer()).equals(bytes));
		assert.equal(forged.status, 404);
	});

	test('task work: ERROR_CORE for a missing task; comments page 50 at a time', async () => {
		const missing = await call('task.commentitem.add', {
			TASKID: 9999,
			FIELDS: { POST_MESSAGE: 'x' },
		});
		const task = simulator.portal.tasks.rows[0].id;
		for (let n = 0; n < 51; n++) {
			await call('task.commentitem.add', { TASKID: task, FIELDS: { POST_MESSAGE: `c${n}` } });
		}
		const page = await call('task.commentitem.getlist', { TASKID: task, ORDER: { ID: 'asc' } });

		assert.equal(missing.body.error, 'ERROR_CORE');
		assert.equal(page.body.result.length, 50);
		assert.equal(page.body.next, 50);
	});

	test('telephony: register refuses a webhook; attachRecord takes only wav and mp3 of a finished call', async () => {
		const byWebhook = await call('telephony.externalcall.register', {
			USER_ID: 1,
			PHONE_NUMBER: '+79991234567',
			TYPE: 2,
		});
		const { access_token } = simulator.issueTokens();
		const app = `${origin}/rest`;
		const registered = await call(
			'telephony.externalcall.register',
			{ USER_ID: 1, PHONE_NUMBER: '+7 (999) 123-45-67', TYPE: 2, auth: access_token },
			app,
		);
		const callId = registered.body.result.CALL_ID;
		const early = await call('telephony.externalcall.attachrecord', {
			CALL_ID: callId,
			FILENAME: 'a.mp3',
			FILE_CONTENT: 'AAAA',
		});
		await call(
			'telephony.externalcall.finish',
			{ CALL_ID: callId, USER_ID: 1, DURATION: 10, auth: access_token },
			app,
		);
		const ogg = await call('telephony.externalcall.attachrecord', {
			CALL_ID: callId,
			FILENAME: 'a.ogg',
			FILE_CONTENT: 'AAAA',
		});

		assert.equal(byWebhook.body.error, 'WRONG_AUTH_TYPE');
		assert.equal(registered.body.result.CRM_ENTITY_TYPE, 'CONTACT');
		assert.match(String(early.body.error_description), /not finished yet/);
		assert.match(String(ogg.body.error_description), /Only wav and mp3/);
	});
});
