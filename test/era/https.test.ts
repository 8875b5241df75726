import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';

import { ERA_DEMO_CREDENTIALS, ERA_DEMO_POINTS } from '../../sandbox/era';
import { N8nHarness } from '../harness/n8n-harness';
import { selfSignedCertificate } from '../support/self-signed-certificate';
import { LOGIN_PATH, POINTS_PATH, byId } from './era-fixture';

const [POINT] = ERA_DEMO_POINTS;
const CERTIFICATE_HINT = /switch on "Ignore SSL Issues" in the ERA credential/;

describe('ERA over HTTPS with a self-signed certificate', () => {
	const harness = new N8nHarness();
	let server: Server;
	let serverUrl: string;
	const paths: string[] = [];

	before(async () => {
		server = createServer(selfSignedCertificate(), (request, response) => {
			paths.push(`${request.method} ${request.url?.split('?')[0]}`);
			const json = { 'content-type': 'application/json' };
			if (request.method === 'POST' && request.url === LOGIN_PATH) {
				response.writeHead(200, json).end(JSON.stringify({ session_token: 'tls-session' }));
				return;
			}
			response.writeHead(200, json).end(JSON.stringify(POINT));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		serverUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	after(() => new Promise<void>((resolve) => server.close(() => resolve())));

	const credential = (ignoreSslIssues: boolean, password: string) =>
		harness.addCredential('eraApi', {
			serverUrl,
			domain: ERA_DEMO_CREDENTIALS.domain,
			login: ERA_DEMO_CREDENTIALS.login,
			password,
			ignoreSslIssues,
			sessionToken: '',
		});
	const getPoint = (credentialId: string) =>
		harness.runNode({
			type: 'era',
			parameters: { resource: 'integrationPoint', operation: 'get', pointId: byId(POINT.id) },
			credentials: { eraApi: credentialId },
		});

	test('without "Ignore SSL Issues" the login says the certificate failed and names the switch', async () => {
		const result = await getPoint(credential(false, 'pw-for-tls-login'));

		assert.match(String(result.error?.message), /^Could not verify the ERA server's certificate/);
		assert.match(String(result.error?.description), CERTIFICATE_HINT);
		assert.doesNotMatch(String(result.error?.message), /The request failed/);
		assert.deepEqual(paths, []);
	});

	test('the credential test without "Ignore SSL Issues" names the switch too', async () => {
		const tested = await harness.testCredential(
			credential(false, 'pw-for-tls-credential-test'),
			'eraApi',
		);

		assert.equal(tested.ok, false);
		assert.match(String(tested.message), /certificate/);
		assert.match(String(tested.message), CERTIFICATE_HINT);
	});

	test('with "Ignore SSL Issues" the login and the request go through', async () => {
		const result = await getPoint(credential(true, 'pw-for-tls-ignored'));

		assert.equal(result.error, undefined);
		assert.equal(result.items[0].json.id, POINT.id);
		assert.deepEqual(paths, [`POST ${LOGIN_PATH}`, `GET ${POINTS_PATH}/${POINT.id}`]);
	});
});
