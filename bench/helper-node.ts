import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { testNodeDescription } from '../test/harness/test-node-description';
import { propertiesOf } from './noop-node';
import type { RawCall } from './raw-http';

export const HELPER_NODE = 'benchHelper';

/** Headers the credential sets again, and those the HTTP client sets itself. */
const LEFT_TO_N8N = new Set(['authorization', 'user-agent', 'accept-encoding']);

/**
 * n8n's own cost of the calls: reads the node's parameters for every item, as the no-op node
 * does, then sends the fewest calls all at once through n8n's `httpRequestWithAuthentication`
 * with the node's credential, the helper every node is asked to use.
 */
export function helperNodeFor(
	parameters: INodeParameters,
	credentialType: string,
	calls: () => RawCall[],
): INodeType {
	return {
		description: testNodeDescription(HELPER_NODE, credentialType, propertiesOf(parameters)),
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const names = Object.keys(this.getNode().parameters);
			const items = this.getInputData().map((item, itemIndex) => {
				for (const name of names) this.getNodeParameter(name, itemIndex);
				return { json: item.json, pairedItem: { item: itemIndex } };
			});
			await Promise.all(
				calls().map(
					async (call) =>
						await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
							method: call.method as never,
							url: call.url,
							headers: Object.fromEntries(
								Object.entries(call.headers).filter(([name]) => !LEFT_TO_N8N.has(name)),
							),
							body: call.body,
							json: false,
							encoding: 'text',
						}),
				),
			);
			return [items];
		},
	};
}
