import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { N8nHarness } from '../harness/n8n-harness';
import type { HostileServer } from '../support/hostile-server';
import { redirect, respondJson, startHostileServer } from '../support/hostile-server';

const PLACEHOLDER = 'credential-test-value-9f3a';

/** Each credential pointed at a server, with its secret set. */
const credentials: Record<string, (url: string) => ICredentialDataDecryptedObject> = {
	atiApi: (url) => ({ baseUrl: url, accessToken: PLACEHOLDER }),
	oktellApi: (url) => ({ serverUrl: url, login: 'operator', password: PLACEHOLDER }),
	bitrix24WebhookApi: (url) => ({ secretWebhookUrl: `${url}/rest/1/${PLACEHOLDER}/` }),
};

describe("a credential test never carries the credential to a redirect's other server", () => {
	const harness = new N8nHarness();
	const servers: HostileServer[] = [];
	after(async () => await Promise.all(servers.map(async (server) => await server.close())));

	for (const [type, data] of Object.entries(credentials)) {
		for (const status of [302, 307]) {
			test(`${type}, ${status}`, async () => {
				const elsewhere = await startHostileServer(respondJson(200, { ok: true }));
				const server = await startHostileServer(redirect(status, `${elsewhere.url}/collect`));
				servers.push(elsewhere, server);

				const result = await harness.testCredential(
					harness.addCredential(type, data(server.url)),
					type,
				);

				assert.equal(result.ok, false);
				assert.equal(server.count, 1);
				assert.equal(elsewhere.count, 0);
			});
		}
	}
});
