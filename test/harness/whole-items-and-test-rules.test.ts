import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type {
	ICredentialType,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { runPerItemToItems } from '../../nodes/shared/execution/per-item';
import { SimulatorServer } from '../../sandbox/framework';
import { N8nHarness } from './n8n-harness';
import { testNodeDescription } from './test-node-description';

/** Reports the size of each item's binary field `data`, or fails items that have none. */
class BinarySize implements INodeType {
	description = testNodeDescription('binarySize');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			await runPerItemToItems(this, async (itemIndex) => {
				const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, 'data');
				return [{ json: { size: bytes.length }, pairedItem: { item: itemIndex } }];
			}),
		];
	}
}

class RuledApi implements ICredentialType {
	name = 'harnessRuledApi';
	displayName = 'Harness Ruled API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	];
	test: ICredentialType['test'] = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/check' },
		rules: [{ type: 'responseCode', properties: { value: 403, message: 'Ask for the API role' } }],
	};
}

describe('harness: whole input items, and credential test rules', () => {
	const harness = new N8nHarness({ nodes: [new BinarySize()], credentials: [new RuledApi()] });
	const server = new SimulatorServer({ name: 'Ruled' })
		.route('GET', '/denied/check', () => ({ status: 403, body: 'no' }))
		.route('GET', '/check', () => ({ status: 500, body: 'no' }));
	let baseUrl: string;
	before(async () => {
		baseUrl = await server.start();
	});
	after(() => server.stop());

	test('runNodeOnItems passes binary data to the node as n8n stores it', async () => {
		const node = { type: 'binarySize', parameters: {}, continueOnFail: true };
		const result = await harness.runNodeOnItems(node, [
			{
				json: {},
				binary: { data: { data: Buffer.from('hello').toString('base64'), mimeType: 'text/plain' } },
			},
			{ json: { second: true } },
		]);
		assert.deepEqual(result.items[0]?.json, { size: 5 });
		assert.match(String(result.items[1]?.json.error), /data/);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
	});

	test("a responseCode rule replaces the failed test's message, as n8n's credential tester does", async () => {
		const denied = harness.addCredential('harnessRuledApi', { baseUrl: `${baseUrl}/denied` });
		const broken = harness.addCredential('harnessRuledApi', { baseUrl });

		assert.equal(
			(await harness.testCredential(denied, 'harnessRuledApi')).message,
			'Ask for the API role',
		);
		assert.notEqual(
			(await harness.testCredential(broken, 'harnessRuledApi')).message,
			'Ask for the API role',
		);
	});
});
