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
import { HOSTILE_TOKEN, SLACK_MS, useHostileAti } from './hostile-fixture';

const ONLINE = { code_id: '123456.0', state: 'online' };
const ONE = [{ id: '123456.0' }];

describe('ATI.SU against a hostile server: faults of transport', () => {
	const ati = useHostileAti();

	for (const status of [502, 504]) {
		test(`Get answered ${status} is asked again and succeeds`, async () => {
			const server = await ati.serve(sequence(respond(status), respondJson(200, ONLINE)));

			const result = await ati.get(server, ONE);

			assert.equal(result.error, undefined);
			assert.deepEqual(result.items[0].json, ONLINE);
			assert.equal(server.count, 2);
		});
	}

	test('Get Many is a read too, though sent as POST: after 502 the batch is sent again', async () => {
		const server = await ati.serve(sequence(respond(502), respondJson(200, [ONLINE])));

		const result = await ati.getMany(server, [{ ids: '123456.0' }]);

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, ONLINE);
		assert.deepEqual(
			server.requests.map((request) => request.method),
			['POST', 'POST'],
		);
	});

	test('429, the documented refusal, is asked again', async () => {
		const server = await ati.serve(sequence(respond(429), respondJson(200, ONLINE)));

		const result = await ati.get(server, ONE);

		assert.equal(result.error, undefined);
		assert.equal(server.count, 2);
	});

	test('500 is reported at once, without a "may have made this change" note: Get changes nothing', async () => {
		const server = await ati.serve(respondJson(500, { error: 'internal', reason: 'storage down' }));

		const result = await ati.get(server, ONE);

		assert.equal(result.error?.message, 'ATI.SU answered with an error (500): storage down');
		assert.doesNotMatch(String(result.error?.description), /may have made this change/);
		assert.equal(server.count, 1);
	});

	const slow: Array<[string, Behaviour]> = [
		['whose body drips', dripBody(200, {}, 100)],
		['whose headers drip', dripHeaders(100)],
	];
	for (const [name, behaviour] of slow) {
		test(`a server ${name} is cut at the Timeout, tried 3 times, and reported within bounds`, async () => {
			const server = await ati.serve(behaviour);

			const result = await ati.get(server, ONE, { timeout: 1 });

			assert.equal(result.error?.message, 'ATI.SU did not answer within 1 s (3 attempts)');
			assert.match(
				String(result.error?.description),
				/raise "Timeout \(Seconds\)" in the node's options\.$/,
			);
			assert.equal(server.count, 3);
			assert.ok(result.elapsedMs < 3 * 1000 + SLACK_MS, `took ${result.elapsedMs} ms`);
		});
	}

	test('Get Many applies the Timeout to its batch too', async () => {
		const server = await ati.serve(dripBody(200, {}, 100));

		const result = await ati.getMany(server, [{ ids: '123456.0' }], { timeout: 1 });

		assert.equal(result.error?.message, 'ATI.SU did not answer within 1 s (3 attempts)');
		assert.ok(result.elapsedMs < 3 * 1000 + SLACK_MS, `took ${result.elapsedMs} ms`);
	});

	test('an endless reply is cut at 10 MB and the run ends', async () => {
		const server = await ati.serve(endlessBody(200, {}, '[{"code_id":"1.0","state":"x"},'));

		const result = await ati.get(server, ONE);

		assert.equal(
			result.error?.message,
			'ATI.SU sent a reply larger than 10 MB; n8n stopped reading it',
		);
		assert.equal(server.count, 1);
	});

	const broken: Array<[string, Behaviour]> = [
		['reset after the request', resetAfterRequest()],
		['reset mid-body', resetMidBody(200, '{"code_id":"123')],
	];
	for (const [name, behaviour] of broken) {
		test(`a connection ${name} is retried for a read, then succeeds`, async () => {
			const server = await ati.serve(sequence(behaviour, respondJson(200, ONLINE)));

			const result = await ati.get(server, ONE);

			assert.equal(result.error, undefined);
			assert.deepEqual(result.items[0].json, ONLINE);
			assert.equal(server.count, 2);
		});
	}

	for (const status of [302, 307]) {
		test(`a ${status} to another server is not followed: the token stays home`, async () => {
			const elsewhere = await ati.serve(respondJson(200, ONLINE));
			const server = await ati.serve(redirect(status, `${elsewhere.url}/presence/state/1.0/`));

			const result = await ati.get(server, ONE);

			assert.equal(
				result.error?.message,
				`ATI.SU redirected the request to ${elsewhere.url} (from ${server.url}); it was not followed`,
			);
			assert.match(String(result.error?.description), /does not send your ATI\.SU credentials/);
			assert.equal(elsewhere.count, 0);
			assert.equal(server.count, 1);
		});
	}

	test('a redirect on the same server is followed', async () => {
		const server = await ati.serve(
			sequence(redirect(302, '/v2/presence/state/123456.0/'), respondJson(200, ONLINE)),
		);

		const result = await ati.get(server, ONE);

		assert.deepEqual(result.items[0].json, ONLINE);
		assert.deepEqual(
			server.requests.map((request) => request.path),
			['/presence/state/123456.0/', '/v2/presence/state/123456.0/'],
		);
	});

	test('a 500 echoing the Authorization header leaks no form of the token', async () => {
		const server = await ati.serve((socket, request, index) =>
			respondJson(500, {
				error: `you sent ${request.headers.authorization}`,
				reason: `token=${encodeURIComponent(HOSTILE_TOKEN)} json=${JSON.stringify(HOSTILE_TOKEN)}`,
			})(socket, request, index),
		);

		const result = await ati.get(server, ONE, {}, true);
		const failed = await ati.get(server, ONE);

		assert.equal(server.requests[0].headers.authorization, `Bearer ${HOSTILE_TOKEN}`);
		const shown = [
			String(result.items[0].json.error),
			JSON.stringify(result.items),
			JSON.stringify(result.run),
			String(failed.error?.message),
			String(failed.error?.description),
			JSON.stringify(failed.error),
			JSON.stringify(failed.run),
		].join('\n');
		assert.match(shown, /ATI\.SU answered with an error \(500\)/);
		for (const form of [
			HOSTILE_TOKEN,
			encodeURIComponent(HOSTILE_TOKEN),
			JSON.stringify(HOSTILE_TOKEN).slice(1, -1),
			'hostile token',
		]) {
			assert.ok(!shown.includes(form), `found ${form}`);
		}
	});
});
