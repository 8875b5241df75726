import assert from 'node:assert/strict';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';

import { ONE_C_DEMO_LOGIN, ONE_C_DEMO_PASSWORD } from '../../sandbox/one-c-connect';
import { endpointOf } from '../../nodes/OneCConnect/transport/endpoint';
import { testCredentialAsN8nDoes } from './credential-tester';
import { useOneC } from './one-c-fixture';

async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('1C-Connect API credential', () => {
	const oneC = useOneC();
	const seen: IncomingHttpHeaders[] = [];
	/** Where a redirect points: it records what arrives, the login must never be among it. */
	const elsewhere = createServer((request, response) => {
		seen.push(request.headers);
		response.setHeader('content-type', 'application/json');
		response.end('[]');
	});
	let elsewhereUrl: string;
	const redirecting = createServer((_request, response) => {
		response.statusCode = 302;
		response.setHeader('location', `${elsewhereUrl}/v1/line/`);
		response.end();
	});
	let redirectingUrl: string;
	const oversized = createServer((_request, response) => {
		response.setHeader('content-type', 'application/json');
		response.end(`[${'"x",'.repeat(300_000)}"x"]`);
	});
	let oversizedUrl: string;

	before(async () => {
		elsewhereUrl = await listen(elsewhere);
		redirectingUrl = await listen(redirecting);
		oversizedUrl = await listen(oversized);
	});
	after(() => {
		for (const server of [elsewhere, redirecting, oversized]) server.close();
	});

	const data = (overrides: Record<string, string> = {}) => ({
		region: 'custom',
		customUrl: oneC.serviceUrl,
		pushUrl: `${oneC.baseUrl}/push`,
		login: ONE_C_DEMO_LOGIN,
		password: ONE_C_DEMO_PASSWORD,
		...overrides,
	});

	test('both right: one RegionRead and one read of the lines, each with HTTP Basic', async () => {
		const result = await testCredentialAsN8nDoes('oneCConnectApi', data());

		assert.equal(result.status, 'OK', result.message);
		assert.match(result.message, /PartnerWebAPI2 and the push API/);
		assert.deepEqual(oneC.operations(), ['RegionRead']);
		const lines = oneC.simulator.requests.filter((request) => request.path === '/push/v1/line/');
		assert.equal(lines.length, 1);
		assert.equal(lines[0].method, 'GET');
		for (const request of oneC.simulator.requests) {
			assert.match(String(request.headers.authorization), /^Basic /);
		}
	});

	test('a wrong password: both APIs are named with what to fix, and the password is not shown', async () => {
		const password = ['wrong', 'pass', '71c3'].join('-');
		const result = await testCredentialAsN8nDoes('oneCConnectApi', data({ password }));

		assert.equal(result.status, 'Error');
		assert.match(result.message, /PartnerWebAPI2 \(.+\) refused the API login or password \(401\)/);
		assert.match(
			result.message,
			/; the push API \(.+\) refused the API login or password \(401\)\./,
		);
		assert.equal(result.message.match(/Administration → API settings/g)?.length, 1, 'the fix once');
		assert.doesNotMatch(result.message, new RegExp(password));
	});

	test('a wrong push URL fails the push API alone and says to check Push API URL', async () => {
		const result = await testCredentialAsN8nDoes(
			'oneCConnectApi',
			data({ pushUrl: `${oneC.baseUrl}/not-push` }),
		);

		assert.equal(result.status, 'Error');
		assert.match(result.message, /^The push API \(.+\/not-push\/v1\/line\/\) answered HTTP 404/);
		assert.match(result.message, /Check Push API URL/);
		assert.doesNotMatch(result.message, /PartnerWebAPI2/);
		assert.deepEqual(oneC.operations(), ['RegionRead']);
	});

	test('a push URL nobody listens on, or one that is no address, is named as such', async () => {
		const closed = await testCredentialAsN8nDoes(
			'oneCConnectApi',
			data({ pushUrl: 'http://127.0.0.1:9' }),
		);
		assert.match(
			closed.message,
			/^The push API \(.+\) could not be reached \(.+\)\. Check Push API URL/,
		);
		const typo = await testCredentialAsN8nDoes('oneCConnectApi', data({ pushUrl: 'push.1c' }));
		assert.match(typo.message, /^The push API: "push\.1c\/v1\/line\/" is not an http\(s\) address/);
	});

	test('a redirect fails the check and the login never reaches the other server', async () => {
		seen.length = 0;
		const result = await testCredentialAsN8nDoes(
			'oneCConnectApi',
			data({ pushUrl: redirectingUrl }),
		);

		assert.equal(result.status, 'Error');
		assert.match(result.message, /redirected the test elsewhere \(302\)/);
		assert.equal(seen.length, 0, 'the other server is never called, so the login never reaches it');
	});

	test('a reply over the cap is cut and named, not read whole', async () => {
		const result = await testCredentialAsN8nDoes('oneCConnectApi', data({ pushUrl: oversizedUrl }));

		assert.equal(result.status, 'Error');
		assert.match(result.message, /sent a reply larger than 1 MB/);
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
