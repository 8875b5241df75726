import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { testNodeDescription } from './test-node-description';

export const INPUT_NODE_TYPE = 'harness.input';

/** Stands where a user's upstream nodes would: emits the items a test gives it. */
export class HarnessInput implements INodeType {
	description = testNodeDescription('input', undefined, [
		{ displayName: 'Items', name: 'items', type: 'json', default: '[]' },
		{ displayName: 'Whole Items', name: 'wholeItems', type: 'boolean', default: false },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string;
		const items = JSON.parse(raw) as object[];
		if (this.getNodeParameter('wholeItems', 0, false) as boolean) {
			return [items as INodeExecutionData[]];
		}
		return [items.map((json) => ({ json: json as INodeExecutionData['json'] }))];
	}
}
