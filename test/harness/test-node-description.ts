import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/** The description of a one-in, one-out node that exists only in tests. */
export function testNodeDescription(
	name: string,
	credential?: string,
	properties: INodeProperties[] = [],
): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: `Test-only node ${name}`,
		defaults: { name },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credential ? [{ name: credential, required: true }] : [],
		properties,
	};
}
