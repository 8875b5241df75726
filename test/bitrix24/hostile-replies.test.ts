import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { startTrigger } from '../harness/trigger-runner';
import type { Behaviour } from '../support/hostile-server';
import { dripBody, respond, respondJson, sequence } from '../support/hostile-server';
import type { Auth } from './hostile-fixture';
import {
	ACCESS_TOKEN,
	CLIENT_SECRET,
	DEALS,
	REFRESH_TOKEN,
	SLACK_MS,
	THREE_DEALS,
	WEBHOOK_CODE,
	answer,
	batchReply,
	useHostileBitrix24,
} from './hostile-fixture';

const MAY_HAVE_APPLIED =
	/Bitrix24 may have made this change before the failure, so n8n did not send it again/;

describe('Bitrix24 against a hostile server: replies of the wrong shape', () => {
	const b24 = useHostileBitrix24();

	test('200 null for crm.deal.add is a clear error quoting the reply, saying it may have been applied', async () => {
		const server = await b24.serve(respond(200, 'null'));

		const result = await b24.addDeal(server);

		assert.equal(
			result.error?.message,
			'Bitrix24 answered crm.deal.add with something other than a REST reply: "null"',
		);
		assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
		assert.equal(server.count, 1);
	});

	for (const body of ['null', '5', '[null]', '{}', '"text"', '{"error":5}']) {
		test(`a reply of ${body} fails its own item only, with Continue On Fail`, async () => {
			const server = await b24.serve(sequence(respond(200, body), answer([DEALS[0]])));

			const result = await b24.listDeals(
				server,
				[{}, {}],
				{},
				{
					continueOnFail: true,
					returnAll: true,
				},
			);

			assert.equal(result.items.length, 2);
			assert.equal(
				result.items[0].json.error,
				`Bitrix24 answered crm.deal.list with something other than a REST reply: "${body}"`,
			);
			assert.deepEqual(result.items[1].json, DEALS[0]);
			assert.deepEqual(result.items[1].pairedItem, { item: 1 });
			assert.equal(server.count, 2);
		});
	}

	test("a batch reply without an entry for a command is that item's error, never an empty success", async () => {
		const server = await b24.serve(respondJson(200, batchReply({ item0: 11 })));

		const result = await b24.addDeal(server, THREE_DEALS, {}, { continueOnFail: true });

		assert.equal(server.count, 1);
		assert.equal(result.items.length, 3);
		assert.deepEqual(result.items[0].json, { result: 11 });
		for (const index of [1, 2]) {
			const item = result.items[index];
			assert.equal(
				item.json.error,
				`Bitrix24 returned no result for command item${index} (crm.deal.add) of its batch`,
			);
			assert.match(String(item.error?.description), /held results for item0 only/);
			assert.match(String(item.error?.description), MAY_HAVE_APPLIED);
			assert.deepEqual(item.pairedItem, { item: index });
		}
	});

	test("a command Bitrix24 reports failed in result_error is its item's error, without the note", async () => {
		const server = await b24.serve(
			respondJson(
				200,
				batchReply(
					{ item0: 11, item2: 13 },
					{ item1: { error: 'ACCESS_DENIED', error_description: 'Access denied' } },
				),
			),
		);

		const result = await b24.addDeal(server, THREE_DEALS, {}, { continueOnFail: true });

		assert.deepEqual(
			result.items.map((item) => item.json),
			[
				{ result: 11 },
				{ error: 'Bitrix24 refused crm.deal.add (ACCESS_DENIED: Access denied)' },
				{ result: 13 },
			],
		);
		assert.doesNotMatch(String(result.items[1].error?.description), MAY_HAVE_APPLIED);
	});

	test('a batch reply whose result is not an object fails every item of the batch clearly', async () => {
		const server = await b24.serve(answer(null));

		const result = await b24.addDeal(server, THREE_DEALS, {}, { continueOnFail: true });

		assert.equal(result.items.length, 3);
		for (const item of result.items) {
			assert.equal(
				item.json.error,
				'Bitrix24 answered batch with something other than the results of its commands: "null"',
			);
			assert.match(String(item.error?.description), MAY_HAVE_APPLIED);
		}
	});

	test('Return All against a `total` that never ends stops with a clear error after 1 request', async () => {
		// Return All reads the pages after the first by start= offsets counted from `total`, so
		// a `next` that does not advance cannot loop; an endless total is refused at once.
		const server = await b24.serve(answer(DEALS, { total: 1_000_000_000, next: 50 }));

		const result = await b24.listDeals(server, [{}], {}, { returnAll: true });

		assert.match(String(result.error?.message), /reports 1000000000 rows for crm\.deal\.list/);
		assert.equal(server.count, 1);
	});

	test('method names that are empty, blank or a path are input errors and nothing is sent', async () => {
		const server = await b24.serve(answer(DEALS));

		const result = await b24.call(
			server,
			{ method: '={{ $json.m }}', parameters: '{}' },
			['', ' ', '.', '..'].map((m) => ({ m })),
			{ continueOnFail: true },
		);

		assert.equal(result.items.length, 4);
		for (const item of result.items)
			assert.match(String(item.json.error), /is not a Bitrix24 method name$/);
		assert.equal(server.count, 0);
	});
});

describe('Bitrix24 against a hostile server: secrets', () => {
	const b24 = useHostileBitrix24();
	const forms = (secret: string) => [
		secret,
		encodeURIComponent(secret),
		encodeURIComponent(secret).replace(/%20/g, '+'),
		JSON.stringify(secret).slice(1, -1),
	];

	/** A 500 whose body echoes the request line, the Authorization header and an `auth` parameter. */
	const echo: Behaviour = (socket, request, index) => {
		const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
		return respondJson(500, {
			error: 'INTERNAL_SERVER_ERROR',
			error_description: `failed ${request.method} ${request.path} authorization=${request.headers.authorization} auth=${encodeURIComponent(token)} raw=${token}`,
		})(socket, request, index);
	};

	for (const auth of ['webhook', 'oAuth2'] as Auth[]) {
		test(`a 500 echoing the request shows no form of the ${auth} secret`, async () => {
			const server = await b24.serve(echo);

			const kept = await b24.listDeals(server, [{}], {}, { auth, continueOnFail: true });
			const failed = await b24.addDeal(server, [{}], {}, { auth });

			const sent = server.requests[0];
			if (auth === 'webhook') assert.ok(sent.path.includes(WEBHOOK_CODE));
			else assert.equal(sent.headers.authorization, `Bearer ${ACCESS_TOKEN}`);
			const shown = [
				String(kept.items[0].json.error),
				String(kept.items[0].error?.description),
				JSON.stringify(kept.items),
				JSON.stringify(kept.run),
				String(failed.error?.message),
				String(failed.error?.description),
				JSON.stringify(failed.error),
				JSON.stringify(failed.run),
			].join('\n');
			assert.match(shown, /Bitrix24 refused crm\.deal\.add \(INTERNAL_SERVER_ERROR: failed POST/);
			assert.match(shown, /\[redacted\]/);
			for (const secret of [WEBHOOK_CODE, ACCESS_TOKEN, REFRESH_TOKEN, CLIENT_SECRET]) {
				for (const form of forms(secret)) assert.ok(!shown.includes(form), `found ${form}`);
			}
			assert.ok(!shown.includes('hostile access'), 'found part of the access token');
		});
	}
});

describe('Bitrix24 Trigger against a hostile Push & Pull server', () => {
	const b24 = useHostileBitrix24();

	test("a long poll whose reply drips ends at the trigger's Timeout, and the trigger polls again", async () => {
		const polls: number[] = [];
		const drip = dripBody(200, {}, 100);
		const server = await b24.serve((socket, request, index) => {
			if (request.path.startsWith('/sub/')) {
				polls.push(Date.now());
				return drip(socket, request, index);
			}
			return answer({
				server: {
					version: 4,
					server_enabled: true,
					long_polling: `${server.url}/sub/`,
					websocket_enabled: false,
				},
				channels: {
					private: { id: 'chan1', start: new Date().toISOString(), end: '2099-01-01T00:00:00Z' },
				},
			})(socket, request, index);
		});
		const trigger = await startTrigger(b24.harness, {
			type: 'bitrix24Trigger',
			parameters: { options: { connection: 'longPolling', timeout: 1 } },
			credentials: b24.credentialsFor(server, 'oAuth2'),
		});
		try {
			const bound = 1_000 * 3 + SLACK_MS;
			const started = Date.now();
			while (polls.length < 2 && Date.now() - started < bound + 2_000) {
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			assert.equal(polls.length >= 2, true, 'a second long poll was sent');
			const firstPoll = polls[1] - polls[0];
			assert.ok(firstPoll >= 900, `the first poll ended after ${firstPoll} ms, before its Timeout`);
			assert.ok(firstPoll < bound, `the first poll ended after ${firstPoll} ms`);
		} finally {
			const closing = Date.now();
			await trigger.close();
			assert.ok(Date.now() - closing < 1_000 + SLACK_MS, 'closing ends the open poll');
		}
	});
});
