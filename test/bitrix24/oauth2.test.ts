import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { BITRIX24_DEMO_APP_SIGNATURE, BITRIX24_DEMO_CLIENT_ID } from '../../sandbox/bitrix24';
import { useBitrix24 } from './bitrix24-fixture';

const tokenRequests = (b24: ReturnType<typeof useBitrix24>) =>
	b24.simulator.requests.filter((request) => request.path === '/oauth/token/');

describe('Bitrix24 OAuth2: tokens', () => {
	const b24 = useBitrix24();

	test('an expired access token is renewed once for 200 items sent as parallel batches', async () => {
		const before = b24.harness.credentialsHelper.storedData(b24.oauthId)?.oauthTokenData as {
			refresh_token: string;
		};
		b24.simulator.tokens.expireAccessTokens();
		const input = Array.from({ length: 200 }, (_, index) => ({ id: (index % 120) + 1 }));

		const result = await b24.call(
			input,
			{ method: 'crm.deal.get', parameters: '={{ JSON.stringify({ id: $json.id }) }}' },
			'oAuth2',
		);

		assert.equal(result.error, undefined);
		assert.equal(result.items.length, 200);
		assert.equal(b24.simulator.tokens.refreshCount, 1);
		assert.equal(tokenRequests(b24).length, 1);
		const calls = b24.restCalls();
		assert.equal(calls.filter((call) => call.status === 401).length, 4, 'four batches expired');
		assert.equal(calls.filter((call) => call.status === 200).length, 4);
		const after = b24.harness.credentialsHelper.storedData(b24.oauthId)?.oauthTokenData as {
			refresh_token: string;
		};
		assert.notEqual(
			after.refresh_token,
			before.refresh_token,
			'the rotated refresh token is stored',
		);
	});

	test('a renewed token is used by the next run without another renewal', async () => {
		b24.simulator.tokens.expireAccessTokens();
		await b24.call([{}], { method: 'profile' }, 'oAuth2');
		await b24.call([{}], { method: 'profile' }, 'oAuth2');

		assert.equal(b24.simulator.tokens.refreshCount, 1);
		assert.deepEqual(
			b24.restCalls().map((call) => call.status),
			[401, 200, 200],
		);
	});

	test('the token is never renewed on a schedule or for other 401s', async () => {
		b24.simulator.tokens.revokeAll();

		const result = await b24.call([{}], { method: 'profile' }, 'oAuth2');

		assert.equal(tokenRequests(b24).length, 0);
		assert.match(String(result.error?.message), /invalid_token/);
		assert.match(String(result.error?.description), /Reconnect the Bitrix24 OAuth2 API credential/);
	});

	test('a refresh token the server no longer accepts asks to reconnect the credential', async () => {
		b24.simulator.tokens.expireAccessTokens();
		const stored = b24.harness.credentialsHelper.storedData(b24.oauthId);
		(stored?.oauthTokenData as { refresh_token: string }).refresh_token = 'used-long-ago';

		const result = await b24.call([{}], { method: 'profile' }, 'oAuth2');

		assert.equal(tokenRequests(b24).length, 1);
		assert.match(String(result.error?.message), /Bitrix24 did not renew the access token/);
		assert.match(String(result.error?.message), /reconnected/);
	});

	test('the OAuth2 credential test calls profile with the access token', async () => {
		const tested = await b24.harness.testCredential(b24.oauthId, 'bitrix24OAuth2Api');

		assert.equal(tested.ok, true, tested.message);
		const [call] = b24.restCalls();
		assert.equal(call.path, '/rest/profile.json');
		assert.match(call.headers.authorization, /^Bearer [0-9a-f]{32}$/);
	});

	test('the webhook credential test calls profile on the webhook path', async () => {
		const tested = await b24.harness.testCredential(b24.webhookId, 'bitrix24WebhookApi');

		assert.equal(tested.ok, true, tested.message);
		assert.match(b24.restCalls()[0].path, /^\/rest\/1\/[^/]+\/profile\.json$/);
	});

	test('a wrong webhook fails the credential test', async () => {
		const wrong = b24.harness.addCredential('bitrix24WebhookApi', {
			secretWebhookUrl: `${b24.baseUrl}/rest/1/nope0000/`,
		});

		const tested = await b24.harness.testCredential(wrong, 'bitrix24WebhookApi');

		assert.equal(tested.ok, false);
	});
});

describe('Bitrix24 simulator: the OAuth flow n8n drives', () => {
	const b24 = useBitrix24();

	test('authorize approves and redirects with code and state; the code buys a token pair once', async () => {
		const authorize = new URL('/oauth/authorize/', b24.baseUrl);
		authorize.searchParams.set('client_id', BITRIX24_DEMO_CLIENT_ID);
		authorize.searchParams.set(
			'redirect_uri',
			'http://127.0.0.1:5678/rest/oauth2-credential/callback',
		);
		authorize.searchParams.set('response_type', 'code');
		authorize.searchParams.set('state', 'opaque-state');

		const redirect = await fetch(authorize, { redirect: 'manual' });
		assert.equal(redirect.status, 302);
		const location = new URL(String(redirect.headers.get('location')));
		assert.equal(location.pathname, '/rest/oauth2-credential/callback');
		assert.equal(location.searchParams.get('state'), 'opaque-state');
		const code = String(location.searchParams.get('code'));

		const exchange = () =>
			fetch(new URL('/oauth/token/', b24.baseUrl), {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'authorization_code',
					code,
					client_id: BITRIX24_DEMO_CLIENT_ID,
					client_secret: BITRIX24_DEMO_APP_SIGNATURE,
					redirect_uri: 'http://127.0.0.1:5678/rest/oauth2-credential/callback',
				}),
			});
		const first = await exchange();
		const tokens = (await first.json()) as Record<string, unknown>;
		assert.equal(first.status, 200);
		assert.equal(tokens.expires_in, 3600);
		assert.match(String(tokens.client_endpoint), /\/rest\/$/);
		assert.equal(typeof tokens.refresh_token, 'string');
		assert.equal((await exchange()).status, 400, 'a code works once');
	});

	test('refreshing by GET, as Bitrix24 documents it, rotates the refresh token', async () => {
		const { refresh_token } = b24.simulator.issueTokens();
		const renew = (token: string) =>
			fetch(
				`${b24.baseUrl}/oauth/token/?grant_type=refresh_token&client_id=${BITRIX24_DEMO_CLIENT_ID}&client_secret=${BITRIX24_DEMO_APP_SIGNATURE}&refresh_token=${token}`,
			);

		const renewed = (await (await renew(refresh_token)).json()) as { refresh_token: string };
		assert.notEqual(renewed.refresh_token, refresh_token);
		assert.equal((await renew(refresh_token)).status, 400, 'the old refresh token is spent');
	});
});
