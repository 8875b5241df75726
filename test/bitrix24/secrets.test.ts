import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { useBitrix24 } from './bitrix24-fixture';

const WEBHOOK_CODE = ['secret', 'webhook', 'code', '7f3a9c'].join('0');
const CLIENT_VALUE = ['very', 'secret', 'client', 'value'].join('-');

function n8nLog(): string {
	const path = process.env.N8N_LOG_FILE_LOCATION;
	assert.ok(path, "tests run through scripts/run-tests.mjs, which sends n8n's log to a file");
	return readFileSync(path, 'utf8');
}

describe('Bitrix24: the webhook code, tokens and client secret never leak', () => {
	const b24 = useBitrix24({ webhookCode: WEBHOOK_CODE, clientSecret: CLIENT_VALUE });
	const seenTokens: string[] = [];
	const secrets = () => [WEBHOOK_CODE, CLIENT_VALUE, ...seenTokens];
	const assertClean = (text: string, where: string) => {
		for (const secret of secrets()) {
			assert.ok(!text.includes(secret), `${where} contains a secret`);
		}
	};
	const rememberTokens = () => {
		const data = b24.harness.credentialsHelper.storedData(b24.oauthId)?.oauthTokenData as {
			access_token: string;
			refresh_token: string;
		};
		seenTokens.push(data.access_token, data.refresh_token);
	};

	test('a vendor error that echoes the webhook URL shows it redacted', async () => {
		b24.simulator.injectFault({
			status: 500,
			body: {
				error: 'INTERNAL',
				error_description: `failed at ${b24.baseUrl}/rest/1/${WEBHOOK_CODE}/profile.json`,
			},
		});

		const result = await b24.call([{}], { method: 'profile' });

		assert.match(String(result.error?.message), /\[redacted\]/);
		assert.equal(b24.restCalls()[0].path, `/rest/1/${WEBHOOK_CODE}/profile.json`);
		assertClean(JSON.stringify(result.run), 'run data');
		assertClean(JSON.stringify(result.error), 'the error');
		assertClean(String(result.error?.stack), 'the stack');
	});

	test('network failures kept by Continue On Fail carry no webhook code', async () => {
		b24.simulator.injectFault({ reset: true, times: 10 });

		const result = await b24.call([{}], { method: 'profile' }, 'webhook', true);

		assert.match(String(result.items[0].json.error), /^Could not reach Bitrix24/);
		assertClean(JSON.stringify(result.items), 'output items');
	});

	test('OAuth2 tokens and the client secret appear in no output, error or run data, even across a renewal', async () => {
		rememberTokens();
		b24.simulator.tokens.expireAccessTokens();
		const ok = await b24.call([{}], { method: 'profile' }, 'oAuth2');
		rememberTokens();
		b24.simulator.injectFault({
			status: 400,
			match: { path: '/rest/crm.deal.get.json' },
			body: { error: 'ERROR_CORE', error_description: `bad auth ${seenTokens.at(-2)}` },
		});
		const failed = await b24.call([{}], { method: 'crm.deal.get' }, 'oAuth2', true);

		assert.equal(ok.error, undefined);
		assert.equal(b24.simulator.tokens.refreshCount, 1);
		assert.match(String(failed.items[0].json.error), /ERROR_CORE: bad auth \[redacted\]/);
		assertClean(JSON.stringify(ok.run), 'run data');
		assertClean(JSON.stringify(failed.run), 'run data of the failed call');
		assertClean(JSON.stringify(failed.items[0].error), 'the kept error');
	});

	test('a refused renewal reports no token or client secret', async () => {
		b24.simulator.tokens.expireAccessTokens();
		const stored = b24.harness.credentialsHelper.storedData(b24.oauthId);
		const stale = ['stale', 'refresh', 'token', '91c2'].join('-');
		seenTokens.push(stale);
		(stored?.oauthTokenData as { refresh_token: string }).refresh_token = stale;

		const result = await b24.call([{}], { method: 'profile' }, 'oAuth2');

		assert.match(String(result.error?.message), /did not renew/);
		assertClean(JSON.stringify(result.run), 'run data');
		assertClean(JSON.stringify(result.error), 'the error');
	});

	test("n8n's own log, at debug level, holds none of them", () => {
		const log = n8nLog();
		assert.ok(log.includes('Node Under Test'), "the log holds this file's executions");
		assertClean(log, "n8n's log");
	});
});
