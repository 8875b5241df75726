import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { unboundToken } from '../../nodes/Era/transport/login';
import { ERA_DEMO_POINTS } from '../../sandbox/era';
import { byId, useEra } from './era-fixture';

const PASSWORD = ['era', 'secret', 'password', '7c2d'].join('-');
const [FIRST] = ERA_DEMO_POINTS;

function n8nLog(): string {
	const path = process.env.N8N_LOG_FILE_LOCATION;
	assert.ok(path, "tests run through scripts/run-tests.mjs, which sends n8n's log to a file");
	return readFileSync(path, 'utf8');
}

describe('ERA: the password and the session token never leak', () => {
	const era = useEra({ users: [{ domain: 'sandbox.era', login: 'admin', pwd: PASSWORD }] });
	const tokens: string[] = [];
	const leaks = (text: string) =>
		[PASSWORD, ...tokens].filter(
			(secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)),
		);

	test('a login and a run: the token is sent, but is in no output item or run data', async () => {
		const credentialId = era.addCredential({ password: PASSWORD });

		const result = await era.point('get', { pointId: byId(FIRST.id) }, [{}], { credentialId });

		assert.equal(result.error, undefined);
		const stored = String(era.harness.credentialsHelper.storedData(credentialId)?.sessionToken);
		const token = unboundToken(stored);
		tokens.push(stored, token);
		assert.equal(era.simulator.requests.at(-1)?.headers.authorization, `Bearer ${token}`);
		assert.deepEqual(leaks(JSON.stringify(result.run)), []);
	});

	test('an ERA error that echoes the password and the token shows them redacted', async () => {
		const credentialId = era.addCredential({ password: PASSWORD });
		await era.point('get', { pointId: byId(FIRST.id) }, [{}], { credentialId });
		const stored = String(era.harness.credentialsHelper.storedData(credentialId)?.sessionToken);
		const token = unboundToken(stored);
		tokens.push(stored, token);
		era.simulator.injectFault({
			status: 500,
			body: { error_code: 1501, error_message: `pwd ${PASSWORD} and session ${token} broke` },
		});

		const result = await era.point('get', { pointId: byId(FIRST.id) }, [{}], { credentialId });

		assert.equal(
			result.error?.message,
			'ERA answered with error 1501: pwd [redacted] and session [redacted] broke',
		);
		assert.deepEqual(leaks(JSON.stringify(result.run)), []);
		assert.deepEqual(leaks(JSON.stringify(result.error)), []);
		assert.deepEqual(leaks(String(result.error?.stack)), []);
	});

	test('errors kept by Continue On Fail, network failures and refused logins carry no secret', async () => {
		const credentialId = era.addCredential({ password: PASSWORD, sessionToken: tokens[0] });
		era.simulator.injectFault({ reset: true, times: 5 });
		const network = await era.point('get', { pointId: byId(FIRST.id) }, [{}], {
			credentialId,
			continueOnFail: true,
		});
		era.simulator.clearFaults();
		const wrongPassword = `${PASSWORD}-wrong`;
		const wrong = era.addCredential({ password: wrongPassword });
		const refused = await era.point('get', { pointId: byId(FIRST.id) }, [{}], {
			credentialId: wrong,
			continueOnFail: true,
		});

		assert.match(String(network.items[0].json.error), /^Could not reach ERA/);
		assert.match(String(refused.items[0].json.error), /^ERA refused the login/);
		for (const result of [network, refused]) {
			assert.deepEqual(leaks(JSON.stringify(result.items)), []);
			assert.deepEqual(leaks(JSON.stringify(result.items[0].error)), []);
			assert.doesNotMatch(JSON.stringify(result.run), new RegExp(wrongPassword));
		}
	});

	test('a login that cannot reach the server fails clearly, without the password', async () => {
		const closed = await import('node:net').then(
			({ createServer }) =>
				new Promise<number>((resolve) => {
					const server = createServer().listen(0, '127.0.0.1', () => {
						const { port } = server.address() as { port: number };
						server.close(() => resolve(port));
					});
				}),
		);
		const unreachable = era.addCredential({
			password: PASSWORD,
			serverUrl: `http://127.0.0.1:${closed}`,
		});

		const result = await era.point('get', { pointId: byId(FIRST.id) }, [{}], {
			credentialId: unreachable,
		});

		assert.match(
			String(result.error?.message),
			/^Could not reach ERA: The server refused the connection/,
		);
		assert.deepEqual(leaks(JSON.stringify(result.run)), []);
		assert.deepEqual(leaks(String(result.error?.stack)), []);
	});

	test("n8n's own log, at debug level, holds neither the password nor any session token", () => {
		const log = n8nLog();
		assert.ok(log.includes('Node Under Test'), "the log holds this file's executions");
		assert.ok(tokens.length >= 2);
		assert.deepEqual(leaks(log), []);
	});
});
