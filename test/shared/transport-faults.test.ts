import assert from 'node:assert/strict';
import { after, afterEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { N8nHarness } from '../harness/n8n-harness';
import type { Behaviour, HostileServer } from '../support/hostile-server';
import {
	bigBody,
	dripBody,
	dripHeaders,
	endlessBody,
	redirect,
	resetAfterRequest,
	resetMidBody,
	respond,
	respondJson,
	sequence,
	silent,
	startHostileServer,
} from '../support/hostile-server';
import type { ProbeItem } from './probe-node';
import { PROBE_BEARER, ProbeApi, ProbeNode } from './probe-node';

const READ: ProbeItem = { method: 'GET', idempotent: true };
const WRITE: ProbeItem = { method: 'POST', idempotent: false };
/** Room for a machine twice as slow as this one. */
const SLACK_MS = 5_000;

describe('shared transport against hostile servers', () => {
	const harness = new N8nHarness({ nodes: [new ProbeNode()], credentials: [new ProbeApi()] });
	const servers: HostileServer[] = [];

	const serve = async (behaviour: Behaviour) => {
		const server = await startHostileServer(behaviour);
		servers.push(server);
		return server;
	};
	const probe = async (server: HostileServer, item: ProbeItem) => {
		const credentialId = harness.addCredential('probeApi', {
			baseUrl: server.url,
			token: PROBE_BEARER,
		});
		const started = Date.now();
		const result = await harness.runNode(
			{ type: 'probe', parameters: {}, credentials: { probeApi: credentialId } },
			[{ ...item }],
		);
		return { ...result, elapsedMs: Date.now() - started };
	};

	afterEach(async () => {
		await Promise.all(servers.splice(0).map(async (server) => await server.close()));
	});

	for (const status of [500, 502, 504]) {
		test(`a write answered ${status} is sent once, and the error says it may have been applied`, async () => {
			const server = await serve(
				respond(status, '<html>gateway</html>', { 'Content-Type': 'text/html' }),
			);

			const result = await probe(server, WRITE);

			assert.equal(server.count, 1);
			assert.deepEqual(result.items[0].json, {
				status,
				attempts: 1,
				bytes: 20,
				mayHaveApplied: 'Probe',
			});
		});
	}

	test('a read answered 502 is sent again and succeeds', async () => {
		const server = await serve(sequence(respond(502), respondJson(200, { ok: true })));

		const result = await probe(server, READ);

		assert.equal(server.count, 2);
		assert.equal(result.items[0].json.status, 200);
	});

	test("a write refused with the vendor's documented 429 is sent again", async () => {
		const server = await serve(sequence(respond(429), respondJson(201, { ok: true })));

		const result = await probe(server, WRITE);

		assert.equal(server.count, 2);
		assert.deepEqual(result.items[0].json, {
			status: 201,
			attempts: 2,
			bytes: 11,
			mayHaveApplied: null,
		});
	});

	test('a read whose body drips is cut at the deadline, tried 3 times, then reported', async () => {
		const server = await serve(dripBody(200, {}, 100));

		const result = await probe(server, { ...READ, timeoutMs: 1000 });

		assert.equal(result.error?.message, 'Probe did not answer within 1 s (3 attempts)');
		assert.equal(result.error?.description, 'Check the probe. Raise the probe limits.');
		assert.equal(server.count, 3);
		assert.ok(result.elapsedMs < 3 * 1000 + SLACK_MS, `took ${result.elapsedMs} ms`);
	});

	test('a write whose body drips is cut at the deadline and not sent again', async () => {
		const server = await serve(dripBody(200, {}, 100));

		const result = await probe(server, { ...WRITE, timeoutMs: 1000 });

		assert.equal(result.error?.message, 'Probe did not answer within 1 s');
		assert.match(String(result.error?.description), /^Probe may have made this change/);
		assert.equal(server.count, 1);
		assert.ok(result.elapsedMs < 1000 + SLACK_MS, `took ${result.elapsedMs} ms`);
		await sleep(200);
		assert.equal(server.openConnections, 0, 'the connection was dropped, not left dripping');
	});

	for (const [name, behaviour] of [
		['whose headers drip', dripHeaders(100)],
		['that never answers', silent()],
	] as const) {
		test(`a write to a server ${name} ends at the deadline, sent once`, async () => {
			const server = await serve(behaviour);

			const result = await probe(server, { ...WRITE, timeoutMs: 1000 });

			assert.equal(result.error?.message, 'Probe did not answer within 1 s');
			assert.equal(server.count, 1);
			assert.ok(result.elapsedMs < 1000 + SLACK_MS, `took ${result.elapsedMs} ms`);
			await sleep(200);
			assert.equal(server.openConnections, 0, 'the connection was dropped');
		});
	}

	test('an endless reply is cut at the size cap and not read again', async () => {
		const server = await serve(endlessBody(200, { 'Content-Type': 'application/json' }));

		const result = await probe(server, { ...READ, maxReplyBytes: 1024 * 1024 });

		assert.equal(
			result.error?.message,
			'Probe sent a reply larger than 1 MB; n8n stopped reading it',
		);
		assert.match(String(result.error?.description), /Raise the probe limits\.$/);
		assert.equal(server.count, 1);
		await sleep(200);
		assert.equal(server.openConnections, 0, 'the connection was dropped');
	});

	test('a declared length over the cap is refused too; one under it is read whole', async () => {
		const big = await serve(bigBody(200, 2 * 1024 * 1024));
		assert.match(String((await probe(big, READ)).error?.message), /larger than 1 MB/);

		const fits = await serve(bigBody(200, 1024 * 1024));
		assert.equal((await probe(fits, READ)).items[0].json.bytes, 1024 * 1024);
	});

	test('a read whose connection is reset is sent again; a write is not', async () => {
		const read = await serve(sequence(resetAfterRequest(), respondJson(200, {})));
		assert.equal((await probe(read, READ)).items[0].json.status, 200);
		assert.equal(read.count, 2);

		const write = await serve(resetAfterRequest());
		const result = await probe(write, WRITE);
		assert.match(String(result.error?.message), /^Could not reach Probe/);
		assert.match(String(result.error?.description), /^Probe may have made this change/);
		assert.equal(write.count, 1);
	});

	test('a reply cut off mid-body is a failure, never a short success', async () => {
		const read = await serve(sequence(resetMidBody(200, '{"result":['), respondJson(200, {})));
		assert.equal((await probe(read, READ)).items[0].json.status, 200);
		assert.equal(read.count, 2);

		const write = await serve(resetMidBody(200, '{"result":['));
		assert.match(String((await probe(write, WRITE)).error?.message), /^Could not reach Probe/);
		assert.equal(write.count, 1);
	});

	for (const status of [302, 307]) {
		test(`a ${status} to another origin is not followed: the token stays home`, async () => {
			const elsewhere = await serve(respondJson(200, { stolen: true }));
			const server = await serve(redirect(status, `${elsewhere.url}/collect`));

			const result = await probe(server, READ);

			assert.equal(elsewhere.count, 0);
			assert.equal(
				result.error?.message,
				`Probe redirected the request to ${elsewhere.url} (from ${server.url}); it was not followed`,
			);
			assert.match(String(result.error?.description), /does not send your Probe credentials/);
		});
	}

	test('a redirect on the same server is followed, with the credential', async () => {
		const server = await serve(sequence(redirect(307, '/moved'), respondJson(200, { ok: 1 })));

		const result = await probe(server, WRITE);

		assert.equal(result.items[0].json.status, 200);
		assert.deepEqual(
			server.requests.map((request) => [
				request.method,
				request.path,
				request.headers.authorization,
			]),
			[
				['POST', '/thing', `Bearer ${PROBE_BEARER}`],
				['POST', '/moved', `Bearer ${PROBE_BEARER}`],
			],
		);
	});

	test('a write redirected with 302 (which turns it into a GET) is refused', async () => {
		const server = await serve(redirect(302, '/moved'));

		const result = await probe(server, WRITE);

		assert.match(String(result.error?.description), /turns this request into a GET/);
		assert.equal(server.count, 1);
	});

	test('redirects that never end stop after 5', async () => {
		const server = await serve(redirect(307, '/again'));

		const result = await probe(server, READ);

		assert.equal(result.error?.message, 'Probe redirected the request more than 5 times');
		assert.equal(server.count, 6);
	});

	after(async () => {
		await Promise.all(servers.map(async (server) => await server.close()));
	});
});
