import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const INPUT_NODE_TYPE = 'harness.input';

/** Stands where a user's upstream nodes would: emits the items a test gives it. */
export class HarnessInput implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Input',
		name: 'input',
		group: ['input'],
		version: 1,
		description: 'Emits the items of its "items" parameter',
		defaults: { name: 'Input' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string;
		const items = JSON.parse(raw) as object[];
		return [items.map((json) => ({ json: json as INodeExecutionData['json'] }))];
	}
}
