import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useOktell } from './oktell-fixture';

describe('Oktell API credential test', () => {
	const oktell = useOktell();

	test('a good login passes with one GET /getversion, a trailing slash in the URL is fine', async () => {
		const credentialId = oktell.harness.addCredential('oktellApi', {
			serverUrl: `${oktell.serverUrl}/`,
			login: 'api',
			password: 'oktell-demo-password',
		});
		const result = await oktell.harness.testCredential(credentialId, 'oktellApi');

		assert.equal(result.message, undefined);
		assert.equal(result.ok, true);
		assert.deepEqual(oktell.sent(), ['/getversion']);
	});

	test('a wrong password fails with a message naming login, password and the Web-API privilege', async () => {
		const badPassword = ['wrong', 'oktell', 'pw'].join('-');
		const credentialId = oktell.harness.addCredential('oktellApi', {
			serverUrl: oktell.serverUrl,
			login: 'api',
			password: badPassword,
		});
		const result = await oktell.harness.testCredential(credentialId, 'oktellApi');

		assert.equal(result.ok, false);
		assert.match(String(result.message), /login and password.*Web-API requests \(403\)/);
		assert.doesNotMatch(JSON.stringify(result.run), new RegExp(badPassword));
	});

	test('a Server URL without http:// or https:// is an error saying how to write it', async () => {
		const credentialId = oktell.harness.addCredential('oktellApi', {
			serverUrl: '192.168.0.1:4055',
			login: 'api',
			password: 'oktell-demo-password',
		});
		const result = await oktell.harness.runNode({
			type: 'oktell',
			parameters: { resource: 'server', operation: 'getVersion' },
			credentials: { oktellApi: credentialId },
		});
		assert.equal(
			result.error?.message,
			'The Server URL in the Oktell credential is not a web address: "192.168.0.1:4055"',
		);
		assert.match(String(result.error?.description), /http:\/\/192\.168\.0\.1:4055/);
	});
});
