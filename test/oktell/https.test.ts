import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';

import { mapperXml } from '../../sandbox/oktell/xml-reply';
import { N8nHarness } from '../harness/n8n-harness';
import { selfSignedCertificate } from '../support/self-signed-certificate';

describe('Oktell over HTTPS with a self-signed certificate', () => {
	const harness = new N8nHarness();
	let server: Server;
	let serverUrl: string;
	const version = mapperXml('version', 'version', [{ key: 'build', cdata: '2.7.4644.26860' }]);

	before(async () => {
		server = createServer(selfSignedCertificate(), (_request, response) => {
			response.writeHead(200, { 'content-type': 'text/xml' }).end(version);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		serverUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	after(() => new Promise<void>((resolve) => server.close(() => resolve())));

	const getVersion = (ignoreSslIssues: boolean) =>
		harness.runNode({
			type: 'oktell',
			parameters: { resource: 'server', operation: 'getVersion' },
			credentials: {
				oktellApi: harness.addCredential('oktellApi', {
					serverUrl,
					login: 'api',
					password: 'pw-for-tls-test',
					ignoreSslIssues,
				}),
			},
		});

	test('without "Ignore SSL Issues" the certificate is refused with a hint naming the switch', async () => {
		const result = await getVersion(false);
		assert.match(
			String(result.error?.message),
			/^Could not verify the Oktell server's certificate/,
		);
		assert.doesNotMatch(String(result.error?.message), /certificate.*Could not verify/);
		assert.match(String(result.error?.description), /switch on "Ignore SSL Issues"/);

		const credentialId = harness.addCredential('oktellApi', {
			serverUrl,
			login: 'api',
			password: 'pw-for-tls-test',
		});
		assert.equal((await harness.testCredential(credentialId, 'oktellApi')).ok, false);
	});

	test('with "Ignore SSL Issues" the node and the credential test both work', async () => {
		const result = await getVersion(true);
		assert.equal(result.error, undefined);
		assert.equal(result.items[0].json.build, '2.7.4644.26860');

		const credentialId = harness.addCredential('oktellApi', {
			serverUrl,
			login: 'api',
			password: 'pw-for-tls-test',
			ignoreSslIssues: true,
		});
		assert.equal((await harness.testCredential(credentialId, 'oktellApi')).ok, true);
	});
});
