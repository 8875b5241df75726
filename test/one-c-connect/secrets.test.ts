import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { soapFaultBody } from '../../sandbox/one-c-connect';
import { useOneC } from './one-c-fixture';

const PASSWORD_UNDER_TEST = ['very-secret', '1c-password', '8e2d41'].join('-');
const LOGIN = 'partner-login';

function n8nLog(): string {
	const path = process.env.N8N_LOG_FILE_LOCATION;
	assert.ok(path, "tests run through scripts/run-tests.mjs, which sends n8n's log to a file");
	return readFileSync(path, 'utf8');
}

describe('1C-Connect: the password never leaks', () => {
	const oneC = useOneC({ accounts: { [LOGIN]: PASSWORD_UNDER_TEST } });
	const leak = new RegExp(PASSWORD_UNDER_TEST);
	const basic = Buffer.from(`${LOGIN}:${PASSWORD_UNDER_TEST}`).toString('base64');

	test('the password is sent (as HTTP Basic), but is in no output item or run data', async () => {
		const result = await oneC.run('client', 'getMany', { returnAll: true });

		assert.equal(result.error, undefined);
		assert.equal(oneC.simulator.requests[0].headers.authorization, `Basic ${basic}`);
		assert.doesNotMatch(JSON.stringify(result.run), leak);
		assert.doesNotMatch(JSON.stringify(result.run), new RegExp(basic));
	});

	test('a SOAP Fault that echoes the password shows it redacted', async () => {
		oneC.simulator.injectFault({
			status: 500,
			body: soapFaultBody(`login ${LOGIN} with password ${PASSWORD_UNDER_TEST} is locked`),
		});

		const result = await oneC.run('client', 'getMany');

		assert.equal(
			result.error?.message,
			`1C-Connect could not run ClientRead: login ${LOGIN} with password [redacted] is locked`,
		);
		assert.doesNotMatch(JSON.stringify(result.run), leak);
		assert.doesNotMatch(JSON.stringify(result.error), leak);
		assert.doesNotMatch(String(result.error?.stack), leak);
	});

	test('row errors kept by Continue On Fail and network failures carry no password', async () => {
		const rows = await oneC.run(
			'client',
			'update',
			{ clientID: '={{ $json.id }}' },
			[{ id: PASSWORD_UNDER_TEST }],
			true,
		);
		assert.match(
			String(rows.items[0].json.error),
			/PARAM_NOT_EXIST: ClientID: no Client with \[redacted\]/,
		);

		oneC.simulator.injectFault({ reset: true, times: 5 });
		const network = await oneC.run('region', 'getMany', {}, [{}], true);
		assert.match(String(network.items[0].json.error), /^Could not reach 1C-Connect/);
		assert.doesNotMatch(JSON.stringify(rows.items), leak);
		assert.doesNotMatch(JSON.stringify(network.items), leak);
	});

	test("n8n's own log, at debug level, never contains the password", () => {
		const log = n8nLog();
		assert.ok(log.includes('Node Under Test'), "the log holds this file's executions");
		assert.doesNotMatch(log, leak);
		assert.doesNotMatch(log, new RegExp(basic));
	});
});
