import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useAti } from './ati-fixture';

describe('ATI.SU API credential test', () => {
	const ati = useAti();

	test('a good token passes with one GET /v1.0/balance', async () => {
		const result = await ati.harness.testCredential(ati.credentialId, 'atiApi');

		assert.equal(result.message, undefined);
		assert.equal(result.ok, true);
		assert.deepEqual(
			ati.simulator.requests.map((request) => [
				request.method,
				request.path,
				request.headers.authorization,
			]),
			[['GET', '/v1.0/balance', 'Bearer ati-demo-token']],
		);
	});

	test('a Base URL with a trailing slash works too', async () => {
		const credentialId = ati.harness.addCredential('atiApi', {
			accessToken: 'ati-demo-token',
			baseUrl: `${ati.baseUrl}/`,
		});

		assert.equal((await ati.harness.testCredential(credentialId, 'atiApi')).ok, true);
		assert.equal(ati.simulator.requests[0].path, '/v1.0/balance');
	});

	test('a Base URL that is not a web address is refused before anything is sent', async () => {
		const credentialId = ati.harness.addCredential('atiApi', {
			accessToken: 'ati-demo-token',
			baseUrl: 'api.ati.su',
		});

		const result = await ati.harness.runNode(
			{
				type: 'ati',
				parameters: { resource: 'presence', operation: 'get', contactId: '123456.0' },
				credentials: { atiApi: credentialId },
			},
			[{}],
		);

		assert.equal(
			result.error?.message,
			'The Base URL in the ATI.SU credential is not a web address: "api.ati.su"',
		);
		assert.deepEqual(ati.simulator.requests, []);
	});

	test('a bad token fails, and the failure does not show the token', async () => {
		const badToken = ['bad', 'token', '3d9a'].join('-');
		const credentialId = ati.harness.addCredential('atiApi', {
			accessToken: badToken,
			baseUrl: ati.baseUrl,
		});

		const result = await ati.harness.testCredential(credentialId, 'atiApi');

		assert.equal(result.ok, false);
		assert.match(String(result.message), /401|Authorization failed/i);
		assert.doesNotMatch(JSON.stringify(result.run), new RegExp(badToken));
	});
});
