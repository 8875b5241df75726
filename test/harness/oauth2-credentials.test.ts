import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { N8nHarness } from './n8n-harness';

describe('Harness: OAuth2 credentials', () => {
	test('oAuth2Api is known, so credentials extending it resolve their inherited fields', () => {
		const harness = new N8nHarness();

		assert.ok(harness.credentialTypes.has('oAuth2Api'));
		assert.deepEqual(harness.credentialsHelper.getParentTypes('bitrix24OAuth2Api'), ['oAuth2Api']);
		const names = harness.credentialsHelper
			.getCredentialsProperties('bitrix24OAuth2Api')
			.map((property) => property.name);
		assert.ok(names.includes('clientId') && names.includes('clientSecret'));
	});

	test('decrypted credentials carry oauthTokenData, as n8n keeps it beside declared fields', async () => {
		const harness = new N8nHarness();
		const id = harness.addCredential('bitrix24OAuth2Api', {
			domain: 'portal.example',
			oauthTokenData: { access_token: 'a1', refresh_token: 'r1' },
		});

		const data = await harness.credentialsHelper.getDecrypted(
			{},
			{ id, name: id },
			'bitrix24OAuth2Api',
		);

		assert.deepEqual(data.oauthTokenData, { access_token: 'a1', refresh_token: 'r1' });
		assert.equal(data.accessTokenUrl, 'https://oauth.bitrix.info/oauth/token/');
	});
});
