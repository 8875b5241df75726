import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { ILoadOptionsFunctions, INodeListSearchResult, INodeType } from 'n8n-workflow';

import { N8nHarness } from './n8n-harness';
import { testNodeDescription } from './test-node-description';

class PickerNode implements INodeType {
	description = testNodeDescription('harnessPicker', undefined, [
		{ displayName: 'Mode', name: 'mode', type: 'string', default: '' },
	]);

	methods = {
		listSearch: {
			async pick(
				this: ILoadOptionsFunctions,
				filter?: string,
				paginationToken?: string,
			): Promise<INodeListSearchResult> {
				const mode = this.getNodeParameter('mode') as string;
				return {
					results: [{ name: `${mode}:${filter ?? ''}`, value: this.getNode().name }],
					paginationToken: paginationToken ? undefined : 'next',
				};
			},
		},
	};
}

describe('harness: listSearch for resource locators', () => {
	const harness = new N8nHarness({ nodes: [new PickerNode()] });
	const node = { type: 'harnessPicker', parameters: { mode: 'fast' } };

	test("calls the node's listSearch method with n8n's LoadOptionsContext, filter and page token", async () => {
		const first = await harness.listSearch(node, 'pick', 'abc');
		const second = await harness.listSearch(node, 'pick', undefined, first.paginationToken);

		assert.deepEqual(first, {
			results: [{ name: 'fast:abc', value: 'Node Under Test' }],
			paginationToken: 'next',
		});
		assert.equal(second.paginationToken, undefined);
	});

	test('an unknown method name is an error naming it', async () => {
		await assert.rejects(harness.listSearch(node, 'missing'), /no listSearch method "missing"/);
	});
});
