import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { useAti } from './ati-fixture';

const TOKEN_UNDER_TEST = ['very-secret', 'ati-token', '5f1c9e'].join('-');

function n8nLog(): string {
	const path = process.env.N8N_LOG_FILE_LOCATION;
	assert.ok(path, "tests run through scripts/run-tests.mjs, which sends n8n's log to a file");
	return readFileSync(path, 'utf8');
}

describe('ATI.SU: the access token never leaks', () => {
	const ati = useAti({ tokens: [TOKEN_UNDER_TEST] });

	test('the token is sent, but is in no output item, run data or log line', async () => {
		const result = await ati.getMany([{ ids: '123456.0' }]);

		assert.equal(result.error, undefined);
		assert.equal(ati.simulator.requests[0].headers.authorization, `Bearer ${TOKEN_UNDER_TEST}`);
		assert.doesNotMatch(JSON.stringify(result.run), new RegExp(TOKEN_UNDER_TEST));
	});

	test('an error whose vendor reply echoes the token shows it redacted', async () => {
		ati.simulator.injectFault({
			status: 500,
			body: { error: 'internal', reason: `token ${TOKEN_UNDER_TEST} is broken` },
			times: 1,
		});

		const result = await ati.get([{ id: '123456.0' }]);

		assert.equal(
			result.error?.message,
			'ATI.SU answered with an error (500): token [redacted] is broken',
		);
		assert.doesNotMatch(JSON.stringify(result.run), new RegExp(TOKEN_UNDER_TEST));
		assert.doesNotMatch(JSON.stringify(result.error), new RegExp(TOKEN_UNDER_TEST));
		assert.doesNotMatch(String(result.error?.stack), new RegExp(TOKEN_UNDER_TEST));
	});

	test('errors kept by Continue On Fail carry no token, nor do network failures', async () => {
		ati.simulator.injectFault({ reset: true, times: 20 });

		const result = await ati.get([{ id: '123456.0' }], undefined, true);

		assert.match(
			String(result.items[0].json.error),
			/^Could not reach ATI\.SU: The connection was closed before the server answered \(3 attempts\)$/,
		);
		assert.doesNotMatch(JSON.stringify(result.items), new RegExp(TOKEN_UNDER_TEST));
		assert.doesNotMatch(JSON.stringify(result.items[0].error), new RegExp(TOKEN_UNDER_TEST));
	});

	test("n8n's own log, at debug level, never contains the token", () => {
		const log = n8nLog();
		assert.ok(log.includes('Node Under Test'), "the log holds this file's executions");
		assert.doesNotMatch(log, new RegExp(TOKEN_UNDER_TEST));
	});
});
