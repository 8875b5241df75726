import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Readable } from 'node:stream';
import { setTimeout } from 'node:timers/promises';

import type {
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { runPerItem } from '../../nodes/shared/execution/per-item';
import { defaultRetryPolicy } from '../../nodes/shared/http/retry-policy';
import { sendVendorRequest } from '../../nodes/shared/http/vendor-request';
import { SimulatorServer } from '../../sandbox/framework';
import { N8nHarness } from '../harness/n8n-harness';
import { testNodeDescription } from '../harness/test-node-description';

class ProbeApi implements ICredentialType {
	name = 'probeApi';
	displayName = 'Probe API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	];
}

/** Sends one request per item through the shared transport, as the parameters say. */
class ProbeNode implements INodeType {
	description = testNodeDescription('probe', 'probeApi');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials('probeApi');
		return [
			await runPerItem(this, async (itemIndex) => {
				const item = this.getInputData()[itemIndex].json as {
					method: IHttpRequestMethods;
					timeoutMs: number;
					idempotent: boolean;
					path?: string;
					stream?: boolean;
				};
				const reply = await sendVendorRequest(
					this,
					{
						credentialType: 'probeApi',
						vendor: 'Probe',
						retryPolicy: { ...defaultRetryPolicy, baseDelayMs: 20 },
						secrets: [],
						unreachableHint: 'Check the probe.',
						itemIndex,
					},
					{
						method: item.method,
						url: `${baseUrl}${item.path ?? '/thing'}`,
						timeoutMs: item.timeoutMs,
						maxReplyBytes: 1024 * 1024,
						effect: item.idempotent ? 'read' : 'write',
						body:
							item.method === 'GET'
								? undefined
								: item.stream
									? (Readable.from(['{}']) as unknown as string)
									: '{}',
					},
				);
				return { status: reply.statusCode, attempts: reply.attempts };
			}),
		];
	}
}

describe('shared transport: timeouts and dropped connections', () => {
	const server = new SimulatorServer({ name: 'Probe' })
		.route('GET', '/thing', () => ({ status: 200, body: { ok: true } }))
		.route('POST', '/thing', () => ({ status: 201, body: { ok: true } }))
		.route('POST', '/moved', () => ({ status: 307, headers: { location: '/thing' } }));
	let harness: N8nHarness;
	let credentialId: string;

	before(async () => {
		const baseUrl = await server.start();
		harness = new N8nHarness({ nodes: [new ProbeNode()], credentials: [new ProbeApi()] });
		credentialId = harness.addCredential('probeApi', { baseUrl });
	});
	beforeEach(() => server.reset());
	after(async () => await server.stop());

	const probe = (request: {
		method: string;
		timeoutMs?: number;
		idempotent: boolean;
		path?: string;
		stream?: boolean;
	}) =>
		harness.runNode({ type: 'probe', parameters: {}, credentials: { probeApi: credentialId } }, [
			{ timeoutMs: 2000, ...request },
		]);

	test('a read whose connection drops once is sent again and succeeds', async () => {
		server.injectFault({ reset: true, times: 1 });

		const result = await probe({ method: 'GET', idempotent: true });

		assert.deepEqual(result.items[0].json, { status: 200, attempts: 2 });
	});

	test('a write whose connection drops is not sent again: it may have been applied', async () => {
		server.injectFault({ reset: true, times: 1 });

		const result = await probe({ method: 'POST', idempotent: false });

		assert.equal(
			result.error?.message,
			'Could not reach Probe: The connection was closed before the server answered',
		);
		assert.match(String(result.error?.description), /may have made this change/);
		assert.equal(server.requests.length, 1);
	});

	test('a read that times out is tried three times, then reported as a timeout', async () => {
		server.injectFault({ latencyMs: 400, times: 10 });

		const result = await probe({ method: 'GET', timeoutMs: 150, idempotent: true });

		assert.equal(result.error?.message, 'Probe did not answer within 150 ms (3 attempts)');
		assert.equal(result.error?.description, 'Check the probe.');
		await setTimeout(500);
		assert.equal(server.requests.length, 3, 'the simulator logs a slow request when it answers');
	});

	test('a streamed body is sent once: a redirect is not followed with it', async () => {
		const result = await probe({ method: 'POST', idempotent: true, path: '/moved', stream: true });

		assert.match(String(result.error?.description), /already sent once and is not sent again/);
		assert.equal(server.requests.length, 1);
	});

	test('a 503 on a write is not sent again unless the vendor documents it as a refusal', async () => {
		server.injectFault({ status: 503, times: 1 });

		const result = await probe({ method: 'POST', idempotent: false });

		assert.deepEqual(result.items[0].json, { status: 503, attempts: 1 });
		assert.equal(server.requests.length, 1);
	});
});
