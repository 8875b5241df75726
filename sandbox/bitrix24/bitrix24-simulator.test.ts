import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';

import { BITRIX24_DEMO_WEBHOOK_CODE, createBitrix24Simulator } from './index';

/** A JSON reply read loosely: tests reach into it and compare. */
interface Loose {
	[key: string]: Loose;
}

describe('Bitrix24 simulator', () => {
	const simulator = createBitrix24Simulator();
	let rest: string;
	before(async () => {
		rest = `${await simulator.start()}/rest/1/${BITRIX24_DEMO_WEBHOOK_CODE}`;
	});
	beforeEach(() => simulator.reset());
	after(async () => await simulator.stop());

	const post = async (url: string, body: unknown) => {
		const reply = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return { status: reply.status, body: (await reply.json()) as Loose };
	};

	test('lists answer 50 per page with total and next, and start= moves on', async () => {
		const first = await post(`${rest}/crm.deal.list.json`, {});
		const last = await post(`${rest}/crm.deal.list.json`, { start: 100 });

		assert.equal(first.body.result.length, 50);
		assert.equal(first.body.total, 120);
		assert.equal(first.body.next, 50);
		assert.equal(last.body.result.length, 20);
		assert.equal(last.body.next, undefined);
		assert.ok(typeof first.body.time.operating_reset_at === 'number');
	});

	test('GET with a PHP-style query works like a JSON POST', async () => {
		const reply = await fetch(`${rest}/crm.deal.get.json?id=5`);
		assert.equal(((await reply.json()) as { result: { ID: string } }).result.ID, '5');
	});

	test('batch runs each command, reporting errors per key; halt stops at the first error', async () => {
		const cmd = { a: 'crm.deal.get?id=1', b: 'crm.deal.get?id=999', c: 'user.get?start=0' };
		const soft = await post(`${rest}/batch.json`, { halt: 0, cmd });
		const hard = await post(`${rest}/batch.json`, { halt: 1, cmd });

		assert.equal(soft.body.result.result.a.ID, '1');
		assert.deepEqual(soft.body.result.result_error, {
			b: { error: '', error_description: 'Not found' },
		});
		assert.equal(soft.body.result.result_total.c, 3);
		assert.deepEqual(Object.keys(hard.body.result.result), ['a']);
	});

	test('more than 50 commands in one batch are refused', async () => {
		const cmd = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'profile']));
		const reply = await post(`${rest}/batch.json`, { cmd });

		assert.equal(reply.status, 400);
		assert.equal(reply.body.error, 'ERROR_BATCH_LENGTH_EXCEEDED');
	});

	test('OAuth calls take the token as auth= or as a Bearer header; an expired one gets expired_token', async () => {
		const { access_token } = simulator.issueTokens();
		const base = rest.replace(/\/rest\/.*$/, '/rest');

		const byParam = await post(`${base}/profile.json`, { auth: access_token });
		const byHeader = await fetch(`${base}/profile.json`, {
			headers: { authorization: `Bearer ${access_token}` },
		});
		simulator.tokens.expireAccessTokens();
		const expired = await post(`${base}/profile.json`, { auth: access_token });

		assert.equal(byParam.body.result.ID, '1');
		assert.equal(byHeader.status, 200);
		assert.equal(expired.status, 401);
		assert.equal(expired.body.error, 'expired_token');
	});

	test('the control surface switches the pull server version and reports state', async () => {
		const base = rest.replace(/\/rest\/.*$/, '');
		const set = await post(`${base}/__control/bitrix24/pull`, { version: 5, holdMs: 1000 });
		const state = (await (await fetch(`${base}/__control/bitrix24/state`)).json()) as {
			pull: { version: number };
		};

		assert.equal(set.status, 200);
		assert.equal(state.pull.version, 5);
		assert.equal((await post(`${base}/__control/bitrix24/pull`, { version: 3 })).status, 400);
	});

	test('the control surface shows a Drive file by its size and SHA-256, never its bytes or token', async () => {
		const base = rest.replace(/\/rest\/.*$/, '');
		const bytes = Buffer.from('запись звонка');
		const uploaded = await post(`${rest}/disk.folder.uploadfile.json`, {
			id: 22,
			data: { NAME: 'call.wav' },
			fileContent: ['call.wav', bytes.toString('base64')],
		});
		const work = (await (await fetch(`${base}/__control/bitrix24/work`)).json()) as {
			drive: Array<Record<string, unknown>>;
			calls: unknown[];
		};

		assert.equal(uploaded.status, 200);
		const file = work.drive.find((entry) => entry.NAME === 'call.wav');
		assert.deepEqual(file?.content, {
			size: bytes.length,
			sha256: createHash('sha256').update(bytes).digest('hex'),
		});
		assert.equal(file?.token, undefined);
		assert.deepEqual(work.calls, []);
	});

	test('a long poll answers 304 when nothing arrives within the hold', async () => {
		simulator.configurePull({ holdMs: 50 });
		const { access_token } = simulator.issueTokens();
		const base = rest.replace(/\/rest\/.*$/, '');
		const config = await post(`${base}/rest/pull.application.config.get.json`, {
			auth: access_token,
		});
		const channels = config.body.result.channels;

		const poll = await fetch(
			`${base}/sub/?CHANNEL_ID=${channels.private.id}/${channels.shared.id}&revision=19`,
		);

		assert.equal(poll.status, 304);
		assert.equal((await fetch(`${base}/sub/?CHANNEL_ID=unknown`)).status, 400);
	});
});
