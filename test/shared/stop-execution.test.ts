import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { N8nHarness } from '../harness/n8n-harness';
import type { Behaviour, HostileServer } from '../support/hostile-server';
import { dripBody, silent, startHostileServer } from '../support/hostile-server';
import { PROBE_BEARER, ProbeApi, ProbeNode } from './probe-node';

/** The request's own deadline: far beyond the test, so only the stop can end it. */
const DEADLINE_MS = 30_000;
const STOP_AFTER_MS = 300;
/** Room for a machine twice as slow as this one. */
const SLACK_MS = 5_000;

describe('stopping the execution aborts requests in flight', () => {
	const harness = new N8nHarness({ nodes: [new ProbeNode()], credentials: [new ProbeApi()] });
	const servers: HostileServer[] = [];

	const stopWhileServing = async (behaviour: Behaviour, items: number) => {
		const server = await startHostileServer(behaviour);
		servers.push(server);
		const credentialId = harness.addCredential('probeApi', {
			baseUrl: server.url,
			token: PROBE_BEARER,
		});
		let stoppedAt = Number.POSITIVE_INFINITY;
		// Stopped once the server has the request (a busy machine may take longer than STOP_AFTER_MS to send it).
		const stopOnceServing = async () => {
			const until = Date.now() + DEADLINE_MS / 2;
			while (server.count === 0 && Date.now() < until) await sleep(20);
			await sleep(STOP_AFTER_MS);
			stoppedAt = Date.now();
		};
		await harness.runNodeStoppedAfter(
			{ type: 'probe', parameters: {}, credentials: { probeApi: credentialId } },
			Array.from({ length: items }, () => ({
				method: 'GET',
				idempotent: true,
				timeoutMs: DEADLINE_MS,
			})),
			stopOnceServing,
		);
		return { server, elapsedMs: Date.now() - stoppedAt };
	};

	/** Every connection closed, and no request sent again (the probe retries reads after 20 ms). */
	const closesEveryConnection = async (server: HostileServer) => {
		const until = Date.now() + SLACK_MS;
		while (server.openConnections > 0 && Date.now() < until) await sleep(20);
		assert.equal(server.openConnections, 0, 'a connection was left open after the stop');
		await sleep(500);
		assert.equal(server.count, 1, 'the read was sent again after the stop');
	};

	afterEach(async () => {
		await Promise.all(servers.splice(0).map(async (server) => await server.close()));
	});

	test('a request waiting for its reply is dropped at once', async () => {
		const { server, elapsedMs } = await stopWhileServing(silent(), 1);
		assert.ok(elapsedMs < SLACK_MS, `the run ended ${elapsedMs} ms after the stop`);
		assert.equal(server.count, 1);
		await closesEveryConnection(server);
	});

	test('a reply whose body is still arriving is dropped at once', async () => {
		const { server, elapsedMs } = await stopWhileServing(dripBody(200, {}, 50), 1);
		assert.ok(elapsedMs < SLACK_MS, `the run ended ${elapsedMs} ms after the stop`);
		assert.equal(server.count, 1);
		await closesEveryConnection(server);
	});
});
