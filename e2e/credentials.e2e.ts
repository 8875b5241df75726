import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { sandboxCredentials } from '../runtime/sandbox-credentials';
import { wrongSecrets } from './support/wrong-secrets';
import { startedN8n } from './support/suite';

const { client } = startedN8n();

interface TestResult {
	status: 'OK' | 'Error';
	message: string;
}

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

describe("every sandbox credential through n8n's own credential test", () => {
	before(async () => await client.login());

	// OAuth2 apps are connected and tested in the editor test, through n8n's OAuth flow.
	for (const credential of sandboxCredentials().filter((candidate) => !candidate.oauth2)) {
		test(`${credential.name} (${credential.type}): the stored secrets pass`, async () => {
			const stored = await client.request<StoredCredential>(
				'GET',
				`/credentials/${credential.id}?includeData=true`,
			);
			const result = await client.request<TestResult>('POST', '/credentials/test', {
				credentials: { id: stored.id, name: stored.name, type: stored.type, data: stored.data },
			});
			assert.equal(result.status, 'OK', result.message);
		});

		test(`${credential.name} (${credential.type}): a wrong secret fails with a message`, async () => {
			const wrong = wrongSecrets[credential.type];
			assert.ok(wrong, `wrongSecrets has no entry for ${credential.type}`);
			const stored = await client.request<StoredCredential>(
				'GET',
				`/credentials/${credential.id}?includeData=true`,
			);
			const result = await client.request<TestResult>('POST', '/credentials/test', {
				credentials: {
					id: stored.id,
					name: stored.name,
					type: stored.type,
					data: { ...stored.data, ...wrong },
				},
			});
			assert.equal(result.status, 'Error');
			assert.ok(result.message.length > 0);
			for (const secret of Object.values(credential.data)) {
				if (typeof secret === 'string' && secret.length >= 8 && !/^https?:/.test(secret)) {
					assert.ok(!result.message.includes(secret), 'the message must not show a secret');
				}
			}
		});
	}
});
