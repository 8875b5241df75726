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
import { testNodeDescription } from '../harness/test-node-description';

export const PROBE_BEARER = 'probe-bearer-value-4711';

/** A credential that sends a bearer token, as ATI's does. */
export class ProbeApi implements ICredentialType {
	name = 'probeApi';
	displayName = 'Probe API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
	];
	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
	};
}

export interface ProbeItem {
	method: IHttpRequestMethods;
	path?: string;
	timeoutMs?: number;
	maxReplyBytes?: number;
	idempotent: boolean;
}

/**
 * Sends one request per item through the shared transport, as the item says; 429 is its vendor's
 * documented refusal. Outputs the reply's status, attempts, size and whether it may have applied.
 */
export class ProbeNode implements INodeType {
	description = testNodeDescription('probe', 'probeApi');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials('probeApi');
		return [
			await runPerItem(this, async (itemIndex) => {
				const item = this.getInputData()[itemIndex].json as unknown as ProbeItem;
				const reply = await sendVendorRequest(
					this,
					{
						credentialType: 'probeApi',
						vendor: 'Probe',
						retryPolicy: {
							...defaultRetryPolicy,
							baseDelayMs: 20,
							isRefusal: (status) => status === 429,
						},
						secrets: [PROBE_BEARER],
						unreachableHint: 'Check the probe.',
						limitsHint: 'Raise the probe limits.',
						itemIndex,
					},
					{
						method: item.method,
						url: `${String(baseUrl)}${item.path ?? '/thing'}`,
						timeoutMs: item.timeoutMs ?? 2000,
						maxReplyBytes: item.maxReplyBytes ?? 1024 * 1024,
						effect: item.idempotent ? 'read' : 'write',
						body: item.method === 'GET' ? undefined : '{}',
					},
				);
				return {
					status: reply.statusCode,
					attempts: reply.attempts,
					bytes: reply.body.length,
					mayHaveApplied: reply.mayHaveApplied ?? null,
				};
			}),
		];
	}
}
