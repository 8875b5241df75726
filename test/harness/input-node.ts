import type {
	IBinaryKeyData,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { testNodeDescription } from './test-node-description';

export const INPUT_NODE_TYPE = 'harness.input';

/** An input item may carry binary data under this key: `{ $binary: { data: { data: base64, mimeType, fileName } } }`. */
export const BINARY_KEY = '$binary';

/** Stands where a user's upstream nodes would: emits the items a test gives it. */
export class HarnessInput implements INodeType {
	description = testNodeDescription('input', undefined, [
		{ displayName: 'Items', name: 'items', type: 'json', default: '[]' },
		{ displayName: 'Whole Items', name: 'wholeItems', type: 'boolean', default: false },
	]);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string;
		const items = JSON.parse(raw) as Array<Record<string, unknown>>;
		if (this.getNodeParameter('wholeItems', 0, false) as boolean) {
			return [items as unknown as INodeExecutionData[]];
		}
		return [
			items.map(({ [BINARY_KEY]: binary, ...json }) => ({
				json: json as INodeExecutionData['json'],
				...(binary ? { binary: binary as IBinaryKeyData } : {}),
			})),
		];
	}
}
