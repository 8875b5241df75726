import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { useOktell } from './oktell-fixture';

const PASSWORD = ['very-secret', 'oktell-password', '7c2e'].join('-');
const leaks = new RegExp(PASSWORD);

function n8nLog(): string {
	const path = process.env.N8N_LOG_FILE_LOCATION;
	assert.ok(path, "tests run through scripts/run-tests.mjs, which sends n8n's log to a file");
	return readFileSync(path, 'utf8');
}

describe('Oktell: the password never leaks', () => {
	const oktell = useOktell({ accounts: { operator: PASSWORD } });

	test('the password is sent in the Basic header only, and is in no output or run data', async () => {
		const result = await oktell.run({ resource: 'server', operation: 'getVersion' });

		assert.equal(result.error, undefined);
		const [request] = oktell.simulator.requests;
		assert.equal(
			request.headers.authorization,
			`Basic ${Buffer.from(`operator:${PASSWORD}`).toString('base64')}`,
		);
		assert.doesNotMatch(request.path + request.query, leaks);
		assert.doesNotMatch(JSON.stringify(result.run), leaks);
	});

	test('an error whose reply echoes the password shows it redacted', async () => {
		oktell.simulator.injectFault({ status: 500, body: `bad login operator:${PASSWORD}` });

		const result = await oktell.run({ resource: 'call', operation: 'hangUp', user: 'Dima' });

		assert.equal(
			result.error?.message,
			'Oktell answered "wp_abortcall" with an error (500): "bad login operator:[redacted]"',
		);
		assert.doesNotMatch(JSON.stringify(result.run), leaks);
		assert.doesNotMatch(String(result.error?.stack), leaks);
	});

	test('errors kept by Continue On Fail, and network failures, carry no password', async () => {
		oktell.simulator.injectFault({ reset: true, times: 5 });
		const result = await oktell.run(
			{ resource: 'user', operation: 'getState', userId: 'da803f01-ea77-40fa-bc9d-e2efb36fd5a8' },
			[{}],
			true,
		);
		assert.match(String(result.items[0].json.error), /^Could not reach Oktell/);
		assert.doesNotMatch(JSON.stringify(result.items), leaks);
		assert.doesNotMatch(JSON.stringify(result.items[0].error), leaks);
	});

	test('a failed login says what to check without the password', async () => {
		const credentialId = oktell.harness.addCredential('oktellApi', {
			serverUrl: oktell.serverUrl,
			login: 'operator',
			password: `${PASSWORD}-wrong`,
		});
		const result = await oktell.harness.runNode({
			type: 'oktell',
			parameters: { resource: 'queue', operation: 'getAll' },
			credentials: { oktellApi: credentialId },
		});
		assert.equal(result.error?.message, 'Oktell refused the login (403)');
		assert.doesNotMatch(JSON.stringify(result.run), leaks);
	});

	test("n8n's own log, at debug level, never contains the password", () => {
		const log = n8nLog();
		assert.ok(log.includes('Node Under Test'), "the log holds this file's executions");
		assert.doesNotMatch(log, leaks);
	});
});
