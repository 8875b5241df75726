import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { endpointOf } from '../../nodes/OneCConnect/transport/endpoint';
import { useOneC } from './one-c-fixture';

describe('1C-Connect API credential', () => {
	const oneC = useOneC();

	test('the test passes with one RegionRead call, authenticated with HTTP Basic', async () => {
		const result = await oneC.harness.testCredential(oneC.credentialId, 'oneCConnectApi');

		assert.equal(result.message, undefined);
		assert.equal(result.ok, true);
		assert.deepEqual(oneC.operations(), ['RegionRead']);
		assert.match(String(oneC.simulator.requests[0].headers.authorization), /^Basic /);
	});

	test('a wrong password fails the test and does not show the password', async () => {
		const password = ['wrong', 'pass', '71c3'].join('-');
		const credentialId = oneC.harness.addCredential('oneCConnectApi', {
			region: 'custom',
			customUrl: oneC.serviceUrl,
			login: 'demo-partner',
			password,
		});

		const result = await oneC.harness.testCredential(credentialId, 'oneCConnectApi');

		assert.equal(result.ok, false);
		assert.match(String(result.message), /401|Authorization failed/i);
		assert.doesNotMatch(JSON.stringify(result.run), new RegExp(password));
	});

	test('the regions map to the documented endpoints', () => {
		assert.equal(
			endpointOf({ region: 'russia' }),
			'https://cus.1c-connect.com/cus/ws/PartnerWebAPI2',
		);
		assert.equal(
			endpointOf({ region: 'eu' }),
			'https://eu-cus.1c-connect.com/cus/ws/PartnerWebAPI2',
		);
		assert.equal(endpointOf({ region: 'custom', customUrl: ' http://x/ws ' }), 'http://x/ws');
	});
});
