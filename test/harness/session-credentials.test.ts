import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestHelper,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { runPerItem } from '../../nodes/shared/execution/per-item';
import { defaultRetryPolicy } from '../../nodes/shared/http/retry-policy';
import { sendVendorRequest } from '../../nodes/shared/http/vendor-request';
import { SimulatorServer } from '../../sandbox/framework';
import { N8nHarness } from './n8n-harness';
import { testNodeDescription } from './test-node-description';

/**
 * A session-login credential like ERA's: n8n calls `preAuthentication` when the session token is
 * empty, and again when a request answers 401, then repeats the request once.
 */
class SessionApi implements ICredentialType {
	name = 'harnessSessionApi';
	displayName = 'Harness Session API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'Login', name: 'login', type: 'string', default: '' },
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const reply = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.baseUrl}/login`,
			body: { login: credentials.login, pwd: credentials.password },
			json: true,
		})) as { token: string };
		return { sessionToken: reply.token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}' } },
	};
}

class SessionNode implements INodeType {
	description = testNodeDescription('harnessSession', 'harnessSessionApi');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = await this.getCredentials('harnessSessionApi');
		return [
			await runPerItem(this, async () => {
				const reply = await sendVendorRequest(
					this,
					{
						credentialType: 'harnessSessionApi',
						vendor: 'Harness',
						retryPolicy: defaultRetryPolicy,
						secrets: [credentials.password, credentials.sessionToken],
						unreachableHint: 'Check the Base URL.',
						refreshSessionOn: [401],
					},
					{
						method: 'GET',
						url: `${credentials.baseUrl}/data`,
						maxReplyBytes: 1024 * 1024,
						timeoutMs: 5000,
						effect: 'read',
					},
				);
				if (reply.statusCode !== 200) {
					throw new NodeApiError(this.getNode(), {
						message: `HTTP ${reply.statusCode}: ${reply.body.toString()}`,
					});
				}
				return JSON.parse(reply.body.toString()) as { token: string };
			}),
		];
	}
}

const PASSWORD = ['session', 'pass', 'word'].join('-');

describe('harness: session credentials with preAuthentication', () => {
	const server = new SimulatorServer({ name: 'Session' });
	const valid = new Set<string>();
	let logins = 0;
	let harness: N8nHarness;
	let credentialId: string;

	server
		.route('POST', '/login', (request) => {
			const body = request.json() as { login: string; pwd: string };
			if (body.pwd !== PASSWORD)
				return { status: 401, body: { error_code: 1407, error_message: 'unauthorized' } };
			const token = `session-${++logins}`;
			valid.add(token);
			return { status: 200, body: { token } };
		})
		.route('GET', '/data', (request) => {
			const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
			return valid.has(token)
				? { status: 200, body: { token } }
				: { status: 401, body: { error_code: 1407 } };
		});

	before(async () => {
		const baseUrl = await server.start();
		harness = new N8nHarness({ nodes: [new SessionNode()], credentials: [new SessionApi()] });
		credentialId = harness.addCredential('harnessSessionApi', {
			baseUrl,
			login: 'admin',
			password: PASSWORD,
			sessionToken: '',
		});
	});
	beforeEach(() => server.clearRequests());
	after(async () => await server.stop());

	const run = () =>
		harness.runNode(
			{ type: 'harnessSession', parameters: {}, credentials: { harnessSessionApi: credentialId } },
			[{}],
		);

	test('an empty session token makes n8n log in first, and the token is stored for later runs', async () => {
		const result = await run();

		assert.equal(result.error, undefined);
		assert.deepEqual(result.items[0].json, { token: 'session-1' });
		assert.equal(harness.credentialsHelper.storedData(credentialId)?.sessionToken, 'session-1');
		assert.deepEqual(
			server.requests.map((request) => request.path),
			['/login', '/data'],
		);
	});

	test('a stored session is reused without logging in again', async () => {
		const result = await run();

		assert.deepEqual(result.items[0].json, { token: 'session-1' });
		assert.deepEqual(
			server.requests.map((request) => request.path),
			['/data'],
		);
	});

	test('a 401 on an expired session makes n8n log in again and repeat the request once', async () => {
		valid.clear();

		const result = await run();

		assert.deepEqual(result.items[0].json, { token: 'session-2' });
		assert.deepEqual(
			server.requests.map((request) => `${request.path} ${request.status}`),
			['/data 401', '/login 200', '/data 200'],
		);
	});

	test('a refused login ends in the vendor reply, without the password', async () => {
		valid.clear();
		const wrong = harness.addCredential('harnessSessionApi', {
			baseUrl: server.baseUrl,
			login: 'admin',
			password: `${PASSWORD}-wrong`,
			sessionToken: 'stale',
		});

		const result = await harness.runNode(
			{ type: 'harnessSession', parameters: {}, credentials: { harnessSessionApi: wrong } },
			[{}],
		);

		assert.match(String(result.error?.message), /^HTTP 401: \{"error_code":1407/);
		assert.doesNotMatch(JSON.stringify(result.run), new RegExp(PASSWORD));
	});
});
