import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Behaviour } from '../support/hostile-server';
import {
	dripBody,
	dripHeaders,
	endlessBody,
	redirect,
	resetAfterRequest,
	resetMidBody,
	respond,
	respondJson,
	sequence,
} from '../support/hostile-server';
import type { Auth } from './hostile-fixture';
import {
	DEALS,
	SLACK_MS,
	THREE_DEALS,
	WEBHOOK_CODE,
	answer,
	batchReply,
	useHostileBitrix24,
} from './hostile-fixture';

const MAY_HAVE_APPLIED =
	/Bitrix24 may have made this change before the failure, so n8n did not send it again/;
const FAULT = { error: 'INTERNAL_SERVER_ERROR', error_description: 'Internal server error' };

describe('Bitrix24 against a hostile server: a write is never sent twice', () => {
	const b24 = useHostileBitrix24();

	for (const status of [500, 502, 504]) {
		test(`crm.deal.add answered ${status} is sent once and may have been applied`, async () => {
			const server = await b24.serve(respondJson(status, FAULT));

			const result = await b24.addDeal(server);

			assert.equal(server.count, 1);
			assert.equal(
				result.error?.message,
				'Bitrix24 refused crm.deal.add (INTERNAL_SERVER_ERROR: Internal server error)',
			);
			assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
		});

		test(`three crm.deal.add items batched and answered ${status}: one request, three items each with the note`, async () => {
			const server = await b24.serve(respond(status, 'Bad gateway'));

			const result = await b24.addDeal(server, THREE_DEALS, {}, { continueOnFail: true });

			assert.equal(server.count, 1);
			assert.match(server.requests[0].path, /\/batch\.json$/);
			assert.equal(result.items.length, 3);
			result.items.forEach((item, index) => {
				assert.deepEqual(item.pairedItem, { item: index });
				assert.match(
					String(item.json.error),
					new RegExp(`^Bitrix24 refused batch \\(HTTP ${status}`),
				);
				assert.match(String(item.error?.description), MAY_HAVE_APPLIED);
			});
		});
	}

	test('503 QUERY_LIMIT_EXCEEDED is a refusal: the write is sent again and succeeds', async () => {
		const server = await b24.serve(
			sequence(
				respondJson(503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' }),
				answer(11),
			),
		);

		const result = await b24.addDeal(server);

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, { result: 11 });
		assert.equal(server.count, 2);
	});

	test('a batch holding one write among reads is a write: after 502 it is not sent again', async () => {
		const server = await b24.serve(respond(502));

		const result = await b24.call(
			server,
			{ method: 'crm.deal.list', options: { readOnly: '={{ $json.ro }}' } },
			[{ ro: true }, { ro: false }, { ro: true }],
			{ continueOnFail: true },
		);

		assert.equal(server.count, 1);
		assert.equal(result.items.length, 3);
		assert.match(String(result.items[0].error?.description), MAY_HAVE_APPLIED);
	});

	test('a write whose reply body drips is cut at its Timeout and not sent again', async () => {
		const server = await b24.serve(dripBody(200, {}, 100));

		const result = await b24.addDeal(server, [{}], { timeout: 1 });

		assert.equal(result.error?.message, 'Bitrix24 did not answer within 1 s');
		assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
		assert.match(String(result.error?.description), /Raise "Timeout \(Seconds\)"/);
		assert.equal(server.count, 1);
		assert.ok(result.elapsedMs < 1_000 * 3 + SLACK_MS, `took ${result.elapsedMs} ms`);
	});

	test('a batched write whose headers drip is cut at its Timeout and not sent again', async () => {
		const server = await b24.serve(dripHeaders(100));

		const result = await b24.addDeal(server, THREE_DEALS, { timeout: 1 }, { continueOnFail: true });

		assert.equal(result.items.length, 3);
		assert.equal(result.items[2].json.error, 'Bitrix24 did not answer within 1 s');
		assert.equal(server.count, 1);
		assert.ok(result.elapsedMs < 1_000 * 3 + SLACK_MS, `took ${result.elapsedMs} ms`);
	});

	const broken: Array<[string, Behaviour]> = [
		['reset after the request', resetAfterRequest()],
		['reset mid-body', resetMidBody(200, '{"result":')],
	];
	for (const [name, behaviour] of broken) {
		test(`a write on a connection ${name} is sent once and may have been applied`, async () => {
			const server = await b24.serve(sequence(behaviour, answer(11)));

			const result = await b24.addDeal(server);

			assert.match(String(result.error?.message), /^Could not reach Bitrix24/);
			assert.match(String(result.error?.description), MAY_HAVE_APPLIED);
			assert.equal(server.count, 1);
		});
	}
});

describe('Bitrix24 against a hostile server: a read is repeated, and every request ends', () => {
	const b24 = useHostileBitrix24();

	test('crm.deal.list (Read Only) answered 502 is asked again and succeeds', async () => {
		const server = await b24.serve(sequence(respond(502), answer(DEALS, { total: 2 })));

		const result = await b24.listDeals(server);

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, { result: DEALS, total: 2 });
		assert.equal(server.count, 2);
	});

	test('three Read Only items batched and answered 504 are asked again in one batch', async () => {
		const server = await b24.serve(
			sequence(respond(504), respondJson(200, batchReply({ item0: DEALS, item1: [], item2: [] }))),
		);

		const result = await b24.listDeals(server, [{}, {}, {}]);

		assert.equal(result.error, undefined);
		assert.deepEqual(
			result.items.map((item) => item.json.result),
			[DEALS, [], []],
		);
		assert.equal(server.count, 2);
	});

	for (const [name, behaviour] of [
		['reset after the request', resetAfterRequest()],
		['reset mid-body', resetMidBody(200, '{"result":[')],
	] as Array<[string, Behaviour]>) {
		test(`a read on a connection ${name} is retried, then succeeds`, async () => {
			const server = await b24.serve(sequence(behaviour, answer(DEALS)));

			const result = await b24.listDeals(server);

			assert.equal(result.error, undefined);
			assert.deepEqual(result.items[0].json.result, DEALS);
			assert.equal(server.count, 2);
		});
	}

	test('a read whose body drips is cut at each Timeout, tried 3 times, and reported within bounds', async () => {
		const server = await b24.serve(dripBody(200, {}, 100));

		const result = await b24.listDeals(server, [{}], { timeout: 1 });

		assert.equal(result.error?.message, 'Bitrix24 did not answer within 1 s (3 attempts)');
		assert.doesNotMatch(String(result.error?.description), MAY_HAVE_APPLIED);
		assert.equal(server.count, 3);
		// Three attempts of 1 s, and the backoff between them (at most 1 s, then 2 s).
		assert.ok(result.elapsedMs < 3 * 1_000 + 3_000 + SLACK_MS, `took ${result.elapsedMs} ms`);
	});

	test('an endless reply is cut at Max Reply Size and the run ends', async () => {
		const server = await b24.serve(endlessBody(200, {}, '{"ID":"1","TITLE":"x"},'));

		const result = await b24.listDeals(server, [{}], { maxReplySize: 1 });

		assert.equal(
			result.error?.message,
			'Bitrix24 sent a reply larger than 1 MB; n8n stopped reading it',
		);
		assert.match(String(result.error?.description), /"Max Reply Size \(MB\)"/);
		assert.equal(server.count, 1);
	});

	for (const auth of ['webhook', 'oAuth2'] as Auth[]) {
		for (const status of [302, 307]) {
			test(`a ${status} to another server is not followed: the ${auth} credential stays home`, async () => {
				const elsewhere = await b24.serve(answer(DEALS));
				const server = await b24.serve(
					redirect(status, `${elsewhere.url}/rest/crm.deal.list.json`),
				);

				const result = await b24.listDeals(server, [{}], {}, { auth });

				assert.equal(
					result.error?.message,
					`Bitrix24 redirected the request to ${elsewhere.url} (from ${server.url}); it was not followed`,
				);
				assert.equal(elsewhere.count, 0);
				assert.equal(server.count, 1);
				if (auth === 'webhook') assert.ok(server.requests[0].path.includes(WEBHOOK_CODE));
				else assert.match(server.requests[0].headers.authorization ?? '', /^Bearer /);
			});
		}
	}

	test('a redirect on the same server is followed, for a write too when it is a 307', async () => {
		const moved = `/rest/1/${WEBHOOK_CODE}/crm.deal.add.json?moved=1`;
		const server = await b24.serve(sequence(redirect(307, moved), answer(11)));

		const result = await b24.addDeal(server);

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, { result: 11 });
		assert.deepEqual(
			server.requests.map((request) => [request.method, request.path]),
			[
				['POST', `/rest/1/${WEBHOOK_CODE}/crm.deal.add.json`],
				['POST', moved],
			],
		);
	});
});
