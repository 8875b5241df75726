import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';

import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import type { QueryParameters } from '../../nodes/shared/http/query-string';
import { urlWithQuery } from '../../nodes/shared/http/query-string';
import { defaultRetryPolicy } from '../../nodes/shared/http/retry-policy';
import { sendVendorRequest } from '../../nodes/shared/http/vendor-request';
import { N8nHarness } from '../harness/n8n-harness';
import { testNodeDescription } from '../harness/test-node-description';
import { ProbeApi } from './probe-node';

/**
 * For each item, sends its query twice to the same path: once as `qs` through n8n's own HTTP
 * client (which serializes it with the `qs` package, as for every n8n node), once through the
 * pack's transport. The server sees which bytes each put on the wire.
 */
class QueryNode implements INodeType {
	description = testNodeDescription('queryProbe', 'probeApi');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials('probeApi');
		const out: INodeExecutionData[] = [];
		for (const [itemIndex, item] of this.getInputData().entries()) {
			const { path, query } = item.json as { path: string; query: QueryParameters };
			await this.helpers.httpRequestWithAuthentication.call(this, 'probeApi', {
				method: 'GET',
				url: `${String(baseUrl)}${path}`,
				qs: query,
				headers: { 'x-sender': 'n8n' },
			});
			await sendVendorRequest(
				this,
				{
					credentialType: 'probeApi',
					vendor: 'Query',
					retryPolicy: defaultRetryPolicy,
					secrets: [],
					unreachableHint: 'Check the query server.',
					itemIndex,
				},
				{
					method: 'GET',
					url: `${String(baseUrl)}${path}`,
					qs: query,
					headers: { 'x-sender': 'pack' },
					timeoutMs: 5000,
					maxReplyBytes: 1024,
					effect: 'read',
				},
			);
			out.push({ json: {}, pairedItem: { item: itemIndex } });
		}
		return [out];
	}
}

const QUERIES: Array<{ path: string; query: QueryParameters }> = [
	{ path: '/tst_getuserstate', query: { iduser: 'DA803F01-EA77-40FA-BC9D-E2EFB36FD5A8' } },
	{ path: '/a', query: { text: 'два слова & more=yes?', plus: 'a+b', pct: '100%', hash: '#x' } },
	{ path: '/a', query: { reserved: "!'()*,;:@$/", unreserved: 'Az09-._~', emoji: '📞 звонок' } },
	{ path: '/a', query: { 'ключ с пробелом': 'v', 'a[b]': 'c', empty: '' } },
	{ path: '/a', query: { number: 42, negative: -1.5, yes: true, no: false, gone: undefined } },
	{ path: '/a?fixed=1', query: { more: 'x y' } },
	{
		path: '/a',
		query: { filter: '{"opts.issync":true,"code":"ivr 1"}', order: '[{"id":"desc"}]' },
	},
];

describe('query strings: the pack sends what n8n sends for the same qs', () => {
	const received: Array<{ sender: string; target: string }> = [];
	const server = createServer((request, response) => {
		received.push({ sender: String(request.headers['x-sender']), target: String(request.url) });
		response.end('ok');
	});
	let harness: N8nHarness;
	let credentialId: string;

	before(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		harness = new N8nHarness({ nodes: [new QueryNode()], credentials: [new ProbeApi()] });
		credentialId = harness.addCredential('probeApi', { baseUrl: `http://127.0.0.1:${port}` });
	});
	after(() => server.close());

	test('each query reaches the server byte for byte as n8n would have sent it', async () => {
		const result = await harness.runNode(
			{ type: 'queryProbe', parameters: {}, credentials: { probeApi: credentialId } },
			QUERIES.map((query) => ({ ...query })),
		);
		assert.equal(result.error, undefined);
		assert.equal(received.length, QUERIES.length * 2);
		for (let index = 0; index < QUERIES.length; index++) {
			const [n8n, pack] = received.slice(index * 2, index * 2 + 2);
			assert.deepEqual([n8n.sender, pack.sender], ['n8n', 'pack']);
			assert.equal(pack.target, n8n.target, `query ${index}`);
		}
	});

	test('a query with nothing in it leaves the address alone; a fragment is dropped', () => {
		assert.equal(urlWithQuery('http://h/p', {}), 'http://h/p');
		assert.equal(urlWithQuery('http://h/p', { gone: undefined }), 'http://h/p');
		assert.equal(urlWithQuery('http://h/p#frag', { a: 'b' }), 'http://h/p?a=b');
	});

	test('a lone surrogate is sent as U+FFFD rather than failing the item', () => {
		assert.equal(urlWithQuery('http://h/p', { a: 'x\uD800y' }), 'http://h/p?a=x%EF%BF%BDy');
	});
});
